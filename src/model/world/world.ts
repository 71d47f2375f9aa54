import { Simulator } from '../../core/simulator.js';
import { Firewall } from '../firewall/firewall.js';
import { Network } from '../links/network.js';
import { LinkSessions } from './link-sessions.js';
import { stageIndex } from '../smtp.js';
import { Destinations } from './destinations.js';
import { DeliveryPool, moveDelivery, newServerState, RecipientDomains, wakeAt, type Delivery, type ServerState, type Siblings } from './delivery.js';
import { AttemptLog } from './attempt-log.js';
import { RateDelays } from './rate-delay.js';
import { TrackedMessage } from './message-record.js';
import { nextRetryMs, suspensionMs } from '../retry.js';
import { destinationSlotsFor } from './destination-slots.js';
import { MxFallback } from './mx-fallback.js';
import { sessionRecipients } from './recipient-outcomes.js';
import { Suspensions } from './suspension.js';
import { Aftermath } from './aftermath.js';
import { SessionStarter } from './session-starter.js';
import type { Conversation } from '../smtp-peer.js';
import type { MessageRecord, WorldConfig, WorldObserver } from './types.js';

/** Events of the mail world, handled in (time, seq) order by the kernel. */
export type WorldEvent =
  /** Message `index` is submitted. */
  | { readonly kind: 'submit'; readonly index: number }
  /** A delivery wakes: see `Delivery.wake`. */
  | Delivery
  | { readonly kind: 'link'; readonly link: string; readonly up: boolean }
  | { readonly kind: 'probe'; readonly link: string; readonly intervalMs: number }
  | { readonly kind: 'failback'; readonly link: string };

/**
 * The mail world on the kernel: inside servers with queues and retry schedules, the firewall,
 * and the relays and receivers outside. Pure: every outcome is data handed to the observer.
 */
export class World {
  readonly sim: Simulator<WorldEvent>;
  readonly firewall: Firewall;
  readonly destinations: Destinations;
  readonly servers = new Map<string, ServerState>();
  readonly messages: TrackedMessage[];
  private readonly rateDelays = new RateDelays();
  readonly attemptLog = new AttemptLog();
  private readonly mx: MxFallback;
  private readonly suspensions: Suspensions;
  private readonly aftermath: Aftermath;
  /** Opens sessions: decides how each goes, and fills in the delivery's session facts. */
  private readonly starter: SessionStarter;
  /** The links as they really are: health, probes, loss, uplink load. */
  readonly network: Network;
  /** Link changes, probes, and the sessions they cut. */
  private readonly links: LinkSessions;
  private readonly submission = { kind: 'submit' as const, index: 0 };
  /**
   * Each message's submission time, ms, in one dense list: scheduling the next submission reads
   * it here, in order, rather than from the message and its spec, two cache misses a message.
   */
  private readonly submitAtMs: readonly number[];
  /** The inside server every message is submitted to. */
  private readonly submitServer: ServerState;
  private readonly recipientDomains = new RecipientDomains();
  private readonly deliveries = new DeliveryPool();

  constructor(readonly config: WorldConfig, private readonly observer: WorldObserver = {}) {
    this.sim = new Simulator<WorldEvent>((event) => this.handle(event));
    const meterWindowMs = config.firewall.loadBalancing.spillOver?.windowMs;
    this.network = new Network(config.links.map((link) => ({ name: link.name, uplinkKbps: link.uplinkKbps, lossRate: link.lossRate ?? 0, detection: link.detection ?? { kind: 'instant' }, meterWindowMs })), config.seed);
    this.firewall = new Firewall(config.firewall, new Map(config.links.map((link) => [link.name, link.address])), (link, nowMs) => this.network.rateKbps(link, nowMs));
    this.links = new LinkSessions(this.sim, this.network, this.firewall, observer, config.firewall.loadBalancing.holdDownMs ?? 0, (delivery, conversation, endMs) => this.nextTryAt(delivery, conversation, endMs));
    this.destinations = new Destinations(config.zone, config.relays, config.receivers, config.seed, config.blocklists, this.attemptLog.hops);
    this.mx = new MxFallback(this.destinations);
    this.suspensions = new Suspensions(this.mx);
    for (const server of config.servers) this.servers.set(server.name, newServerState(server, this.attemptLog.hops));
    this.submitServer = this.server(config.submitTo);
    for (const server of this.servers.values()) {
      const route = server.config.route;
      server.relayTo = route.kind === 'relay' ? this.server(route.to) : undefined;
      server.slots = destinationSlotsFor(server, this.mx);
    }
    this.starter = new SessionStarter(this.sim, this.firewall, this.network, this.mx, this.suspensions, (delivery, conversation, endMs) => this.nextTryAt(delivery, conversation, endMs));
    this.aftermath = new Aftermath(this.sim, this.attemptLog, observer, (delivery, failedAtMs) => this.retryAt(delivery, failedAtMs));
    for (const link of config.links) {
      if (link.detection?.kind === 'probe') this.sim.schedule(link.detection.probe.intervalMs, { kind: 'probe', link: link.name, intervalMs: link.detection.probe.intervalMs });
      for (const outage of link.outages) {
        this.sim.schedule(outage.fromMs, { kind: 'link', link: link.name, up: false });
        this.sim.schedule(outage.toMs, { kind: 'link', link: link.name, up: true });
      }
    }
    this.messages = config.messages.map((spec) => new TrackedMessage(spec, this.attemptLog));
    this.submitAtMs = config.messages.map((spec) => spec.atMs);
    // Submissions are fed one at a time, each scheduling the next, so the heap holds only what is
    // in flight rather than the whole day's traffic.
    this.scheduleSubmission(0);
  }

  private scheduleSubmission(index: number): void {
    if (index >= this.submitAtMs.length) return;
    // One submission waits at a time, so one event object serves them all.
    this.submission.index = index;
    this.sim.schedule(this.submitAtMs[index]!, this.submission);
  }

  /** Runs the whole window; what is still queued at its end stays pending. */
  runToEnd(): void {
    this.sim.run(this.config.durationMs);
  }

  /**
   * Takes a link really down or up at the current time, as an outage would (a live what-if). The
   * firewall learns of it as it learns of outages: at once, or when its probes notice.
   */
  setLinkUp(link: string, up: boolean): void {
    this.sim.schedule(this.sim.nowMs, { kind: 'link', link, up });
  }

  private handle(event: WorldEvent): void {
    switch (event.kind) {
      case 'submit': {
        const message = this.messages[event.index]!;
        this.scheduleSubmission(event.index + 1);
        this.observer.onSubmitted?.(message, this.sim.nowMs);
        this.enqueue(message, this.submitServer);
        return;
      }
      case 'delivery':
        this.wake(event);
        return;
      case 'link':
        this.links.realChange(event.link, event.up);
        return;
      case 'probe':
        this.links.probe(event);
        return;
      case 'failback':
        this.links.failBack(event.link);
        return;
    }
  }

  /** A delivery's live event: its retry is due, its session ends, or its time in the queue is up. */
  private wake(delivery: Delivery): void {
    // A session cut short was given a new end; its original end is stale.
    if (this.sim.currentSeq !== delivery.wakeSeq) return;
    delivery.wakeSeq = -1;
    switch (delivery.wake) {
      case 'due':
        delivery.server.ready.push(delivery);
        this.dispatch(delivery.server);
        return;
      case 'done':
        if (!this.links.cutIfLinkFailed(delivery)) this.finishAttempt(delivery);
        return;
      case 'expire':
        this.observer.onExpired?.(delivery.message, delivery.server.config.name, this.sim.nowMs);
        this.aftermath.notice('bounce', delivery, delivery.recipients, 'expired', delivery.conversation?.reply ?? null);
        this.closeDelivery(delivery, 'bounced', 'expired');
        return;
    }
  }

  private server(name: string): ServerState {
    const server = this.servers.get(name);
    if (server === undefined) throw new Error(`unknown server ${name}: the scenario check should have caught it`);
    return server;
  }

  /**
   * A message enters a server's queue; its deliveries are due at once. `handedOn`: the delivery
   * that brought the whole message from the previous server, done there, which moves on here
   * when the message makes one delivery here too.
   */
  private enqueue(message: TrackedMessage, server: ServerState, handedOn?: Delivery): void {
    const { spec } = message;
    this.setDepth(server, server.depth + 1);
    // Most messages make one delivery; they skip the split's arrays.
    const domain = this.singleDomain(message, server.config.route.kind === 'direct');
    if (domain !== undefined) {
      message.openDeliveries += 1;
      const now = this.sim.nowMs;
      server.ready.push(handedOn !== undefined ? moveDelivery(handedOn, server, now, domain) : this.deliveries.take(message, server, now, undefined, undefined, domain));
    } else {
      const parts = this.recipientDomains.split(spec.to, spec.toDomains);
      const siblings: Siblings = { open: parts.length, noticed: false };
      message.openDeliveries += parts.length;
      for (const part of parts) server.ready.push(this.deliveries.take(message, server, this.sim.nowMs, siblings, part.recipients, part.domain));
    }
    this.dispatch(server);
  }

  /** The domain of a message's one delivery at a server: '' on a relay hop; undefined when it splits by domain. */
  private singleDomain(message: TrackedMessage, direct: boolean): string | undefined {
    if (!direct) return '';
    // Most messages carry their one domain on the message itself: reading the spec's list would be two cache misses a million times a day.
    if (message.soleDomain !== undefined) return message.soleDomain;
    const { toDomains, to } = message.spec;
    if (toDomains !== undefined) return undefined;
    return to.length === 1 ? this.recipientDomains.of(to[0]!) : undefined;
  }

  private dispatch(server: ServerState): void {
    while (server.active < server.config.concurrency) {
      const delivery = server.ready.shift();
      if (delivery === undefined) return;
      const startMs = this.rateDelays.startAt(delivery, this.sim.nowMs);
      if (startMs > this.sim.nowMs) {
        wakeAt(this.sim, delivery, startMs, 'due');
        continue;
      }
      if (server.slots?.acquire(delivery) === false) continue;
      server.active++;
      this.open(delivery);
    }
  }

  /** Opens a session for a delivery, decides now how it goes, and schedules its end. */
  private open(delivery: Delivery): void {
    this.starter.start(delivery);
    this.links.opened(delivery);
    wakeAt(this.sim, delivery, delivery.endMs, 'done');
  }

  /** The time of the next try, or null when that would be past the queue lifetime. */
  private retryAt(delivery: Delivery, failedAtMs: number): number | null {
    return nextRetryMs(delivery.server.config.retry, delivery.failures + 1, failedAtMs, delivery.queuedAtMs);
  }

  /**
   * When a delivery whose session ended deferred at `endMs` goes again: at once, to its next hop,
   * when it falls back (as `finishAttempt` will decide); else at its next retry; null when that
   * would be past its queue lifetime. Sessions record it when they open, and again when cut.
   */
  private nextTryAt(delivery: Delivery, conversation: Conversation, endMs: number): number | null {
    return this.mx.fallsBack(delivery, conversation) ? endMs : this.retryAt(delivery, endMs);
  }

  private finishAttempt(delivery: Delivery): void {
    const server = delivery.server;
    server.active--;
    this.links.closed(delivery, server.config.address);
    const message = delivery.message;
    const conversation = delivery.conversation!;
    const { refused, reply, reason } = conversation;
    // The session's reply answers every recipient but those RCPT answered on their own.
    const recipients = refused === undefined ? delivery.recipients : sessionRecipients(delivery.recipients, refused);
    const index = message.addAttempt(delivery, server.config.name, delivery.currentHop!, conversation, delivery.ownRecipients && refused === undefined ? undefined : recipients);
    this.observer.onAttempt?.(this.attemptLog, index, message);
    const outcome = delivery.outcome;
    if (outcome === 'deferred' && this.mx.fallsBack(delivery, conversation)) return this.fallBack(delivery);
    const resumed = server.slots?.release(delivery);
    if (resumed !== undefined) server.ready.push(resumed);
    const held = refused === undefined ? [] : this.aftermath.settleRecipients(delivery, refused);
    if (outcome === 'accepted') {
      if (server.relayTo !== undefined && held.length === 0 && delivery.siblings === undefined && delivery.ownRecipients) {
        // Counted there before it is closed here, so the message never looks finished.
        this.enqueue(message, server.relayTo, delivery);
        this.close(message, server, undefined, 'delivered', null);
      } else {
        if (server.relayTo !== undefined) this.enqueue(message, server.relayTo);
        if (held.length === 0) this.closeDelivery(delivery, 'delivered', null);
        else this.aftermath.defer(delivery, held);
      }
    } else if (outcome === 'rejected') {
      this.aftermath.notice('bounce', delivery, recipients, reason, reply);
      if (held.length === 0) this.closeDelivery(delivery, 'bounced', reason);
      else {
        this.aftermath.markBounced(delivery, reason);
        this.aftermath.defer(delivery, held);
      }
    } else {
      if (Suspensions.suspends(reply)) this.suspensions.suspend(delivery, delivery.currentHop!, reply, delivery.endMs + suspensionMs(server.config.retry));
      this.aftermath.defer(delivery, refused === undefined ? undefined : [...recipients, ...held]);
    }
    this.dispatch(server);
  }

  /** A temporary failure with another MX (or the fallback relay) left: try it now, in the same session slot. */
  private fallBack(delivery: Delivery): void {
    if (stageIndex(delivery.conversation!.reply.stage) > stageIndex('HELO')) delivery.handshakes++;
    delivery.hop++;
    const server = delivery.server;
    server.active++;
    this.open(delivery);
    this.dispatch(server);
  }

  /** A delivery leaves its server's queue: handed on, delivered, or returned. */
  private closeDelivery(delivery: Delivery, result: 'delivered' | 'bounced', reason: MessageRecord['finalReason']): void {
    this.close(delivery.message, delivery.server, delivery.siblings, result, reason);
    this.deliveries.give(delivery);
  }

  private close(message: TrackedMessage, server: ServerState, siblings: Siblings | undefined, result: 'delivered' | 'bounced', reason: MessageRecord['finalReason']): void {
    if (siblings === undefined || --siblings.open === 0) this.setDepth(server, server.depth - 1);
    message.openDeliveries--;
    if (result === 'bounced') {
      message.bounced = true;
      message.finalReason = reason;
    }
    if (message.openDeliveries === 0) {
      message.status = message.bounced ? 'bounced' : 'delivered';
      message.finishedAtMs = this.sim.nowMs;
      this.observer.onMessageFinished?.(message, this.sim.nowMs);
    }
  }

  private setDepth(server: ServerState, depth: number): void {
    server.depth = depth;
    if (depth > server.peakDepth) {
      server.peakDepth = depth;
      server.peakAtMs = this.sim.nowMs;
    }
    this.observer.onQueueDepth?.(server.config.name, depth, this.sim.nowMs);
  }
}
