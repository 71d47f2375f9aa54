import type { Simulator } from '../../core/simulator.js';
import type { Reason } from '../reasons.js';
import type { StagedReply } from '../smtp.js';
import type { Conversation } from '../smtp-peer.js';
import { wakeAt, type Delivery } from './delivery.js';
import { settleRefusals } from './recipient-outcomes.js';
import type { AttemptLog } from './attempt-log.js';
import type { WorldObserver } from './types.js';
import type { WorldEvent } from './world.js';

/**
 * What a server does after a session that did not simply hand the message on: keep recipients
 * queued for the retry, return refused recipients, and send the sender delay notices and bounces.
 */
export class Aftermath {

  constructor(
    private readonly sim: Simulator<WorldEvent>,
    private readonly log: AttemptLog,
    private readonly observer: WorldObserver,
    private readonly retryAt: (delivery: Delivery, failedAtMs: number) => number | null,
  ) {}

  /**
   * Records the recipients RCPT refused on their own in the delivery's session just ended;
   * bounces the 5xx ones; returns the 4xx ones.
   */
  settleRecipients(delivery: Delivery, refused: NonNullable<Conversation['refused']>): readonly string[] {
    const outcome = settleRefusals(delivery, refused, this.retryAt(delivery, delivery.endMs));
    const { message } = delivery;
    for (const { facts, refusal } of outcome.records) {
      const index = message.addAttempt(facts, delivery.server.config.name, delivery.currentHop!, refusal, [refusal.recipient]);
      this.observer.onAttempt?.(this.log, index, message);
      if (facts.outcome !== 'rejected') continue;
      this.notice('bounce', delivery, [refusal.recipient], refusal.reason, refusal.reply);
      this.markBounced(delivery, refusal.reason);
    }
    return outcome.deferred;
  }

  /** Some recipients were returned: the message ends bounced, whatever becomes of the others. */
  markBounced(delivery: Delivery, reason: Reason): void {
    delivery.message.bounced = true;
    delivery.message.finalReason = reason;
  }

  /**
   * Keeps a delivery queued, after its session just ended, until its next retry or its expiry:
   * for `narrowedTo`, or all its recipients when undefined.
   */
  defer(delivery: Delivery, narrowedTo: readonly string[] | undefined): void {
    const server = delivery.server;
    const retryAtMs = delivery.outcome === 'deferred' ? delivery.retryAtMs : this.retryAt(delivery, delivery.endMs);
    if (narrowedTo !== undefined) {
      delivery.recipients = narrowedTo;
      delivery.ownRecipients = false;
    }
    const recipients = delivery.recipients;
    delivery.failures++;
    delivery.hop = 0;
    delivery.handshakes = 0;
    const noticeMs = server.config.retry.delayNoticeMs;
    // One delay notice per message and server, as Postfix sends: a split message's deliveries share theirs.
    const holder = delivery.siblings ?? delivery;
    if (noticeMs !== undefined && this.observer.onNotice !== undefined && this.sim.nowMs - delivery.queuedAtMs >= noticeMs && !holder.noticed) {
      holder.noticed = true;
      this.notice('delay', delivery, recipients, delivery.conversation!.reason, delivery.conversation!.reply);
    }
    if (retryAtMs !== null) wakeAt(this.sim, delivery, retryAtMs, 'due');
    else wakeAt(this.sim, delivery, delivery.queuedAtMs + server.config.retry.lifetimeMs, 'expire');
  }

  /** Tells the observer of a delay notice or a bounce the server sends the sender; inside hops send none. */
  notice(kind: 'delay' | 'bounce', delivery: Delivery, recipients: readonly string[], reason: Reason, reply: StagedReply | null): void {
    if (this.observer.onNotice === undefined || delivery.server.config.route.kind === 'relay') return;
    const { message, server, queuedAtMs } = delivery;
    const atMs = this.sim.nowMs;
    this.observer.onNotice({ kind, atMs, messageId: message.spec.id, server: server.config.name, to: message.spec.from, recipients, reason, reply, queuedForMs: atMs - queuedAtMs });
  }
}
