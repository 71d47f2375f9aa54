import type { Delivery, ServerState } from './delivery.js';
import { destinationOf } from './mx-fallback.js';

/**
 * Postfix's default_destination_rate_delay: a server waits at least `rateDelayMs` between session
 * starts to one outside destination. Each delivery that finds the destination busy is given the
 * next free start time, so a backlog drains one per gap without being woken over and over.
 */
export class RateDelays {
  private readonly nextStartMs = new Map<ServerState, Map<string, number>>();
  private readonly reserved = new WeakMap<Delivery, number>();

  /**
   * When the delivery may start: `nowMs` when it may go now (the gap is then taken), or a later
   * time it has been given and should be woken at.
   */
  startAt(delivery: Delivery, nowMs: number): number {
    const server = delivery.server;
    const gapMs = server.config.rateDelayMs;
    if (gapMs === undefined || server.config.route.kind === 'relay') return nowMs;
    const held = this.reserved.get(delivery);
    if (held !== undefined && held <= nowMs) {
      this.reserved.delete(delivery);
      return nowMs;
    }
    if (held !== undefined) return held;
    let byDestination = this.nextStartMs.get(server);
    if (byDestination === undefined) this.nextStartMs.set(server, (byDestination = new Map()));
    const key = destinationOf(delivery);
    const startMs = Math.max(nowMs, byDestination.get(key) ?? nowMs);
    byDestination.set(key, startMs + gapMs);
    if (startMs > nowMs) this.reserved.set(delivery, startMs);
    return startMs;
  }
}
