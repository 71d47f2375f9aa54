import { Fifo } from '../../core/fifo.js';
import type { Delivery, ServerState } from './delivery.js';
import type { MxFallback } from './mx-fallback.js';

/**
 * Per-destination concurrency (Postfix default_destination_concurrency_limit, Exchange
 * MaxPerDomainOutboundConnections): at most `limit` sessions at once to one destination. A
 * delivery that finds its destination full waits, parked, until a session there ends. Servers
 * whose whole concurrency is within the limit never need it and skip it entirely.
 */
export class DestinationSlots {
  constructor(
    readonly limit: number,
    private readonly mx: MxFallback,
  ) {}

  /** Takes a slot at the delivery's destination; false (and the delivery parked) when full. */
  acquire(delivery: Delivery): boolean {
    const destination = this.mx.destination(delivery);
    if (destination.open >= this.limit) {
      (destination.parked ??= new Fifo()).push(delivery);
      return false;
    }
    destination.open++;
    return true;
  }

  /** Frees the delivery's slot; returns a parked delivery for that destination, now ready, if any. */
  release(delivery: Delivery): Delivery | undefined {
    const destination = this.mx.destination(delivery);
    destination.open--;
    // Most destinations never fill up, and never need their waiting list read.
    return destination.parked?.shift();
  }
}

/** Slots for a server whose concurrency could exceed its per-destination limit; undefined for others, which never need them. */
export function destinationSlotsFor(server: ServerState, mx: MxFallback): DestinationSlots | undefined {
  const limit = server.config.destinationConcurrency;
  return server.config.route.kind !== 'relay' && limit !== undefined && limit < server.config.concurrency ? new DestinationSlots(limit, mx) : undefined;
}
