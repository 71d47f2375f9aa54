import { formatReply, type StagedReply } from '../smtp.js';
import type { Conversation } from '../smtp-peer.js';
import type { Delivery } from './delivery.js';
import type { HopLabel } from './hop-labels.js';
import type { MxFallback } from './mx-fallback.js';

/** A destination a server has stopped trying for a while, and what it tells deliveries meanwhile. */
export interface Suspension {
  readonly untilMs: number;
  /** The hop whose greeting refused. */
  readonly hop: HopLabel;
  readonly conversation: Conversation;
}

/**
 * Destinations whose greeting refused a session. A 421 (or any 4xx) at the greeting tells the
 * client the whole server is unwilling, so Postfix marks the destination dead and defers its other
 * messages without connecting: "delivery temporarily suspended: host … said: 421 …". A 4xx at
 * MAIL or later defers only that message. Kept per inside server and destination.
 */
export class Suspensions {
  constructor(private readonly mx: MxFallback) {}

  /** Whether this reply, ending a delivery's try, suspends its destination. */
  static suspends(reply: StagedReply): boolean {
    return reply.stage === 'CONNECT' && reply.code !== null && reply.code >= 400 && reply.code < 500;
  }

  /** Suspends the delivery's destination at its server until `untilMs`. */
  suspend(delivery: Delivery, hop: HopLabel, reply: StagedReply, untilMs: number): void {
    const text = `delivery temporarily suspended: host ${hop.host}[${hop.address}] said: ${formatReply(reply)}`;
    const conversation: Conversation = { reply: { code: reply.code, enhanced: reply.enhanced, text, stage: 'CONNECT' }, reason: 'suspended', checks: [] };
    this.mx.destination(delivery).suspension = { untilMs, hop, conversation };
  }

  /** The suspension in force for a delivery's destination at `nowMs`, if any. */
  active(delivery: Delivery, nowMs: number): Suspension | undefined {
    const suspension = this.mx.destination(delivery).suspension;
    return suspension !== undefined && nowMs < suspension.untilMs ? suspension : undefined;
  }
}
