import type { Simulator } from '../../core/simulator.js';
import type { Reason } from '../reasons.js';
import type { StagedReply } from '../smtp.js';
import type { Conversation } from '../smtp-peer.js';
import type { Delivery, Siblings } from './delivery.js';
import { settleRefusals } from './recipient-outcomes.js';
import type { AttemptRecord, WorldObserver } from './types.js';
import type { WorldEvent } from './world.js';

/**
 * What a server does after a session that did not simply hand the message on: keep recipients
 * queued for the retry, return refused recipients, and send the sender delay notices and bounces.
 */
export class Aftermath {
  /**
   * Messages whose sender already had a delay notice from a server (one each, as Postfix sends),
   * by their deliveries there: the siblings of a split message, or its one delivery.
   */
  private readonly noticed = new WeakSet<Siblings | Delivery>();

  constructor(
    private readonly sim: Simulator<WorldEvent>,
    private readonly observer: WorldObserver,
    private readonly retryAt: (delivery: Delivery, failedAtMs: number) => number | null,
  ) {}

  /** Records the recipients RCPT refused on their own; bounces the 5xx ones; returns the 4xx ones. */
  settleRecipients(delivery: Delivery, session: AttemptRecord, refused: NonNullable<Conversation['refused']>): readonly string[] {
    const outcome = settleRefusals(session, refused, this.retryAt(delivery, session.endMs));
    for (const { record, refusal } of outcome.records) {
      delivery.message.addAttempt(record, refusal, delivery.currentHop!, false);
      this.observer.onAttempt?.(record, delivery.message);
      if (record.outcome !== 'rejected') continue;
      this.notice('bounce', delivery, record.recipients, record.reason, record.reply);
      this.markBounced(delivery, record.reason);
    }
    return outcome.deferred;
  }

  /** Some recipients were returned: the message ends bounced, whatever becomes of the others. */
  markBounced(delivery: Delivery, reason: Reason): void {
    delivery.message.bounced = true;
    delivery.message.finalReason = reason;
  }

  /** Keeps a delivery queued until its next retry, or its expiry: for `narrowedTo`, or all its recipients when undefined. */
  defer(delivery: Delivery, attempt: AttemptRecord, narrowedTo: readonly string[] | undefined): void {
    const server = delivery.server;
    const retryAtMs = attempt.outcome === 'deferred' ? attempt.retryAtMs : this.retryAt(delivery, attempt.endMs);
    if (narrowedTo !== undefined) {
      delivery.recipients = narrowedTo;
      delivery.ownRecipients = false;
    }
    const recipients = delivery.recipients;
    delivery.failures++;
    delivery.hop = 0;
    delivery.handshakes = 0;
    const noticeMs = server.config.retry.delayNoticeMs;
    if (noticeMs !== undefined && this.observer.onNotice !== undefined && this.sim.nowMs - delivery.queuedAtMs >= noticeMs && !this.noticed.has(delivery.siblings ?? delivery)) {
      this.noticed.add(delivery.siblings ?? delivery);
      this.notice('delay', delivery, recipients, attempt.reason, attempt.reply);
    }
    if (retryAtMs !== null) this.sim.schedule(retryAtMs, { kind: 'due', delivery });
    else this.sim.schedule(delivery.queuedAtMs + server.config.retry.lifetimeMs, { kind: 'expire', delivery });
  }

  /** Tells the observer of a delay notice or a bounce the server sends the sender; inside hops send none. */
  notice(kind: 'delay' | 'bounce', delivery: Delivery, recipients: readonly string[], reason: Reason, reply: StagedReply | null): void {
    if (this.observer.onNotice === undefined || delivery.server.config.route.kind === 'relay') return;
    const { message, server, queuedAtMs } = delivery;
    const atMs = this.sim.nowMs;
    this.observer.onNotice({ kind, atMs, messageId: message.spec.id, server: server.config.name, to: message.spec.from, recipients, reason, reply, queuedForMs: atMs - queuedAtMs });
  }
}
