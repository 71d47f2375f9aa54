import { Fifo } from '../../core/fifo.js';
import type { Simulator } from '../../core/simulator.js';
import type { Conversation } from '../smtp-peer.js';
import type { HopLabel, HopLabels } from './hop-labels.js';
import type { DestinationSlots } from './destination-slots.js';
import type { Destination } from './mx-fallback.js';
import type { TrackedMessage } from './message-record.js';
import type { AttemptOutcome, ServerConfig, SessionFacts } from './types.js';
import type { WorldEvent } from './world.js';

/**
 * The deliveries one message split into at one server (one per recipient domain): the message
 * leaves that server's queue when the last of them closes.
 */
export interface Siblings {
  open: number;
  /** Whether the sender has had a delay notice for the message from this server. */
  noticed: boolean;
}

/**
 * One queue entry: some recipients of a message at one inside server, bound for one next hop.
 * It carries the message, server and queue time itself, rather than through a shared object, so
 * that finishing a session reads one object fewer (a cache miss, a million times a day). It also
 * carries the facts of its session under way (at most one), which the attempt log stores when the
 * session ends: one object per delivery rather than a record per session.
 */
export interface Delivery extends SessionFacts {
  /** A delivery is its own event in the kernel's heap; this tells it from the world's other events. */
  readonly kind: 'delivery';
  /** What it waits for in the heap: its retry (or rate delay) to be due, its session to end, or its time in the queue to run out. */
  wake: Wake;
  /** The sequence number of its one live event, or -1; an event of an earlier number (a cut session's first end) is stale. */
  wakeSeq: number;
  /** The message; a delivery closed and reused (`DeliveryPool`) takes another. */
  message: TrackedMessage;
  /** The server whose queue holds it; a delivery handed on whole moves to the next server (`moveDelivery`). */
  server: ServerState;
  /** When the message entered this server's queue, ms. */
  queuedAtMs: number;
  /** Shared with the other deliveries the message split into here; undefined when it made one. */
  siblings: Siblings | undefined;
  /** Recipients still to deliver; narrows when RCPT answers some of them on their own. */
  recipients: readonly string[];
  /** Whether `recipients` is the message's own list (most deliveries, all their lives): the attempt log then keeps no list of its own. */
  ownRecipients: boolean;
  /** Recipient domain for direct delivery; empty otherwise. */
  domain: string;
  failures: number;
  /** Which of the destination's hops (MX hosts, then the fallback relay) this try is at. */
  hop: number;
  /** Sessions of this try that got past HELO (for smtp_mx_session_limit). */
  handshakes: number;
  /** Where it is bound, looked up at its first outside attempt. */
  destination: Destination | undefined;
  /** Whether the sender has had a delay notice for it from this server (split messages keep theirs on `siblings`). */
  noticed: boolean;
  atMs: number;
  endMs: number;
  link: string | null;
  sourceAddress: string;
  rule: string;
  outcome: AttemptOutcome;
  retryAtMs: number | null;
  /** The hop of the session under way. */
  currentHop: HopLabel | undefined;
  /** The conversation of the session under way, shared with the attempt log. */
  conversation: Conversation | undefined;
}

/**
 * Moves a delivery, whole and closed where it was, into `server`'s queue at `queuedAtMs`: what an
 * inside hop does with every message it hands on. Reusing the object rather than making one
 * saves over a third of the replay's allocation. A stale event for it left in the heap stays
 * stale, since its live event number is reset.
 */
export function moveDelivery(delivery: Delivery, server: ServerState, queuedAtMs: number, domain: string): Delivery {
  return resetDelivery(delivery, delivery.message, server, queuedAtMs, undefined, undefined, domain);
}

/**
 * Starts `delivery` afresh as `newDelivery` would make it. Its last session's facts are left as
 * they were: nothing reads them before its next session overwrites them.
 */
function resetDelivery(delivery: Delivery, message: TrackedMessage, server: ServerState, queuedAtMs: number, siblings: Siblings | undefined, recipients: readonly string[] | undefined, domain: string): Delivery {
  delivery.message = message;
  delivery.server = server;
  delivery.queuedAtMs = queuedAtMs;
  delivery.siblings = siblings;
  delivery.recipients = recipients ?? message.to;
  delivery.ownRecipients = recipients === undefined;
  delivery.domain = domain;
  delivery.failures = 0;
  delivery.hop = 0;
  delivery.handshakes = 0;
  delivery.destination = undefined;
  delivery.noticed = false;
  delivery.wake = 'due';
  delivery.wakeSeq = -1;
  delivery.currentHop = undefined;
  delivery.conversation = undefined;
  return delivery;
}

/**
 * Deliveries closed (delivered, bounced or expired), kept to be the next ones queued. A day's
 * replay queues a million and holds a few thousand at once; making each afresh was most of its
 * allocation, and the ones waiting hours for a retry were promoted and then died in the old
 * generation, which grew it until a full collection ran inside the replay.
 */
export class DeliveryPool {
  private readonly spare: Delivery[] = [];

  /** A delivery as `newDelivery` makes it, reusing a closed one when there is one. */
  take(message: TrackedMessage, server: ServerState, queuedAtMs: number, siblings: Siblings | undefined, recipients: readonly string[] | undefined, domain: string): Delivery {
    const spare = this.spare.pop();
    return spare === undefined ? newDelivery(message, server, queuedAtMs, siblings, recipients, domain) : resetDelivery(spare, message, server, queuedAtMs, siblings, recipients, domain);
  }

  /**
   * Takes back a closed delivery. Nothing may hold it for later but the heap, where an event of
   * its own is stale by its sequence number, and stays so once the delivery is reused.
   */
  give(delivery: Delivery): void {
    this.spare.push(delivery);
  }

  /** Closed deliveries waiting to be reused. */
  get spareCount(): number {
    return this.spare.length;
  }
}

/**
 * When a delivery whose session ended deferred at `endMs`, as `conversation`, goes again, ms: at
 * once when it falls back to its next hop; else at its next retry; null when never.
 */
export type NextTryAt = (delivery: Delivery, conversation: Conversation, endMs: number) => number | null;

/** Whether the delivery has a session under way: its live event is that session's end. */
export function inSession(delivery: Delivery): boolean {
  return delivery.wake === 'done' && delivery.wakeSeq >= 0;
}

/** What a delivery waits for in the event heap. */
export type Wake = 'due' | 'done' | 'expire';

/** Schedules the delivery's one live event: at `atMs`, for `wake`. Any earlier one becomes stale. */
export function wakeAt(sim: Simulator<WorldEvent>, delivery: Delivery, atMs: number, wake: Wake): void {
  delivery.wake = wake;
  delivery.wakeSeq = sim.schedule(atMs, delivery);
}

/** An inside server's queue as the world runs it. */
export interface ServerState {
  readonly config: ServerConfig;
  /** Messages in the queue now. */
  depth: number;
  peakDepth: number;
  peakAtMs: number;
  /** Sessions open now (never above `config.concurrency`). */
  active: number;
  /** Deliveries due and waiting for a free session, oldest first. */
  readonly ready: Fifo<Delivery>;
  /** This server as the next hop of the servers that relay to it. */
  readonly label: HopLabel;
  /** The inside server it relays to, if it relays; set once every server exists. */
  relayTo: ServerState | undefined;
  /** Its per-destination concurrency, where it needs one; set once the destinations exist. */
  slots: DestinationSlots | undefined;
}

/** Creates an empty queue for a server. */
export function newServerState(config: ServerConfig, labels: HopLabels): ServerState {
  const label = labels.add((id) => ({ id, host: config.name, address: config.address }));
  return { config, depth: 0, peakDepth: 0, peakAtMs: 0, active: 0, ready: new Fifo(), label, relayTo: undefined, slots: undefined };
}

/**
 * A fresh queue entry for some recipients of a message, queued at `server` at `queuedAtMs`;
 * `recipients` undefined: all of them, the message's own list.
 */
export function newDelivery(message: TrackedMessage, server: ServerState, queuedAtMs: number, siblings: Siblings | undefined, recipients: readonly string[] | undefined, domain: string): Delivery {
  return {
    kind: 'delivery', wake: 'due', wakeSeq: -1, message, server, queuedAtMs, siblings, recipients: recipients ?? message.to, ownRecipients: recipients === undefined, domain, failures: 0, hop: 0, handshakes: 0, destination: undefined,
    noticed: false, atMs: 0, endMs: 0, link: null, sourceAddress: '', rule: '', outcome: 'deferred', retryAtMs: null, currentHop: undefined, conversation: undefined,
  };
}

/**
 * Recipient domains by address, lower-cased. Generated traffic shares a few thousand address
 * strings across a million messages, so a lookup by the shared string beats slicing and
 * lower-casing a fresh copy for every delivery (and the result is the same shared string, quick
 * to look up again).
 */
export class RecipientDomains {
  private readonly byAddress = new Map<string, string>();
  private readonly canonical = new Map<string, string>();

  /** The domain of `recipient`: everything after its last `@`, lower-cased. */
  of(recipient: string): string {
    let domain = this.byAddress.get(recipient);
    if (domain === undefined) {
      const text = recipient.slice(recipient.lastIndexOf('@') + 1).toLowerCase();
      // One string per domain, so maps keyed by domain find it by identity rather than by content.
      domain = this.canonical.get(text);
      if (domain === undefined) {
        domain = text;
        this.canonical.set(text, text);
      }
      this.byAddress.set(recipient, domain);
    }
    return domain;
  }

  /**
   * Splits the recipients of a message a server delivers directly into one delivery per domain,
   * using their domains when the message carries them.
   */
  split(recipients: readonly string[], known?: readonly string[]): { domain: string; recipients: readonly string[] }[] {
    const byDomain = new Map<string, string[]>();
    recipients.forEach((recipient, index) => {
      const domain = known?.[index] ?? this.of(recipient);
      const list = byDomain.get(domain);
      if (list) list.push(recipient);
      else byDomain.set(domain, [recipient]);
    });
    return [...byDomain].map(([domain, list]) => ({ domain, recipients: list }));
  }
}
