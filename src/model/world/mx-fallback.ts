import type { Fifo } from '../../core/fifo.js';
import { replyClass, stageIndex } from '../smtp.js';
import type { Conversation } from '../smtp-peer.js';
import type { Delivery, ServerState } from './delivery.js';
import type { Destinations, OutsideHop } from './destinations.js';
import type { Suspension } from './suspension.js';

/** Sessions past the greeting and HELO one delivery may open before it gives up for now (Postfix smtp_mx_session_limit). */
export const mxSessionLimit = 2;
const heloIndex = stageIndex('HELO');

/**
 * One destination as one inside server sees it: the hops it tries in turn, the sessions it has
 * open there, the deliveries waiting for a free one, and whether it is suspended. Kept on each
 * delivery once looked up, so the hot path reads properties rather than maps.
 */
export interface Destination {
  /** The recipient domain, or the smarthost's name. */
  readonly key: string;
  /** Every MX host by preference (or the smarthost), then the fallback relay; never empty. */
  readonly hops: readonly OutsideHop[];
  /** `hops[0]` and `hops.length`, kept here as well: most sessions need no more, and read no other object. */
  readonly primary: OutsideHop;
  readonly hopCount: number;
  open: number;
  /** Deliveries waiting for a free session here, oldest first; made when the first one waits. */
  parked: Fifo<Delivery> | undefined;
  suspension: Suspension | undefined;
}

/**
 * The hops an outside delivery tries, in order, within one attempt: every MX host of the
 * recipient domain by preference (or the smarthost), then the server's fallback relay. Built once
 * per (server, destination) and shared by every delivery there.
 */
export class MxFallback {
  private readonly byServer = new Map<ServerState, Map<string, Destination>>();

  constructor(private readonly destinations: Destinations) {}

  /** The delivery's destination at its server. */
  destination(delivery: Delivery): Destination {
    if (delivery.destination === undefined) delivery.destination = this.lookUp(delivery);
    return delivery.destination;
  }

  /** The hop the delivery is to try now: its destination's best, or the next after a fallback. */
  hop(delivery: Delivery): OutsideHop {
    const destination = this.destination(delivery);
    return delivery.hop === 0 ? destination.primary : destination.hops[delivery.hop]!;
  }

  /**
   * Whether a temporary failure from the hop just tried moves the delivery on to the next hop
   * now, rather than back to the queue: only when every recipient was deferred, another hop is
   * left, and fewer than `mxSessionLimit` sessions got past HELO.
   */
  fallsBack(delivery: Delivery, conversation: Conversation): boolean {
    if (replyClass(conversation.reply) !== 4 || conversation.refused !== undefined || conversation.reason === 'suspended') return false;
    if (delivery.hop + 1 >= this.destination(delivery).hopCount) return false;
    const handshakes = delivery.handshakes + (stageIndex(conversation.reply.stage) > heloIndex ? 1 : 0);
    return handshakes < mxSessionLimit;
  }

  private lookUp(delivery: Delivery): Destination {
    const server = delivery.server;
    let byKey = this.byServer.get(server);
    if (byKey === undefined) {
      byKey = new Map();
      this.byServer.set(server, byKey);
    }
    const key = destinationOf(delivery);
    let destination = byKey.get(key);
    if (destination === undefined) {
      const hops = this.build(delivery);
      destination = { key, hops, primary: hops[0]!, hopCount: hops.length, open: 0, parked: undefined, suspension: undefined };
      byKey.set(key, destination);
    }
    return destination;
  }

  private build(delivery: Delivery): readonly OutsideHop[] {
    const config = delivery.server.config;
    const route = config.route;
    const primary = route.kind === 'smarthost' ? [this.destinations.relay(route.relay)] : this.destinations.mxHops(delivery.domain);
    if (config.fallbackRelay === undefined) return primary;
    return [...primary, this.destinations.relay(config.fallbackRelay)];
  }
}

/** What a delivery is bound for, as queues count destinations: its recipient domain, or the smarthost. */
export function destinationOf(delivery: Delivery): string {
  const route = delivery.server.config.route;
  return route.kind === 'smarthost' ? route.relay : delivery.domain;
}
