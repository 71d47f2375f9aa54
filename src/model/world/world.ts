import { Simulator } from '../../core/simulator.js';
import { Firewall } from '../firewall/firewall.js';
import { replyClass, stageIndex, type StagedReply } from '../smtp.js';
import type { Conversation } from '../smtp-peer.js';
import { Destinations, type OutsideHop } from './destinations.js';
import { newServerState, splitRecipients, takeReady, type Delivery, type ServerState, type Visit } from './delivery.js';
import { AttemptLog } from './attempt-log.js';
import { TrackedMessage } from './message-record.js';
import type { AttemptRecord, MessageRecord, WorldConfig, WorldObserver } from './types.js';

/** Events of the mail world, handled in (time, seq) order by the kernel. */
export type WorldEvent =
  | { readonly kind: 'submit'; readonly message: TrackedMessage; readonly index: number }
  | { readonly kind: 'due'; readonly delivery: Delivery }
  | { readonly kind: 'done'; readonly delivery: Delivery }
  | { readonly kind: 'expire'; readonly delivery: Delivery }
  | { readonly kind: 'link'; readonly link: string; readonly up: boolean };

/** Time per SMTP command round trip on the internet, and on the inside network, ms. */
const outsideCommandMs = 150;
const insideCommandMs = 2;
const insideKbps = 100_000;
const smtpPort = 25;
const noChecks: Conversation['checks'] = [];
const insideAccepted: Conversation = {
  reply: { code: 250, enhanced: '2.6.0', text: 'Queued mail for delivery', stage: 'END-OF-DATA' },
  reason: 'accepted',
  checks: noChecks,
};

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
  readonly attemptLog = new AttemptLog();
  private readonly uplinkKbps = new Map<string, number>();

  constructor(readonly config: WorldConfig, private readonly observer: WorldObserver = {}) {
    this.sim = new Simulator<WorldEvent>((event) => this.handle(event));
    this.firewall = new Firewall(config.firewall, new Map(config.links.map((link) => [link.name, link.address])));
    this.destinations = new Destinations(config.zone, config.relays, config.receivers, config.seed);
    for (const server of config.servers) this.servers.set(server.name, newServerState(server));
    for (const link of config.links) {
      this.uplinkKbps.set(link.name, link.uplinkKbps);
      for (const outage of link.outages) {
        this.sim.schedule(outage.fromMs, { kind: 'link', link: link.name, up: false });
        this.sim.schedule(outage.toMs, { kind: 'link', link: link.name, up: true });
      }
    }
    this.messages = config.messages.map((spec, index) => new TrackedMessage(spec, index, this.attemptLog));
    // Submissions are fed one at a time, each scheduling the next, so the heap holds only what is
    // in flight rather than the whole day's traffic.
    this.scheduleSubmission(0);
  }

  private scheduleSubmission(index: number): void {
    const message = this.messages[index];
    if (message !== undefined) this.sim.schedule(message.spec.atMs, { kind: 'submit', message, index });
  }

  /** Runs the whole window; what is still queued at its end stays pending. */
  runToEnd(): void {
    this.sim.run(this.config.durationMs);
  }

  /** Takes a link down or up at the current time, as an outage would (a live what-if). */
  setLinkUp(link: string, up: boolean): void {
    this.sim.schedule(this.sim.nowMs, { kind: 'link', link, up });
  }

  private handle(event: WorldEvent): void {
    switch (event.kind) {
      case 'submit':
        this.scheduleSubmission(event.index + 1);
        this.observer.onSubmitted?.(event.message, this.sim.nowMs);
        this.enqueue(event.message, this.server(this.config.submitTo));
        return;
      case 'due':
        event.delivery.visit.server.ready.push(event.delivery);
        this.dispatch(event.delivery.visit.server);
        return;
      case 'done':
        this.finishAttempt(event.delivery);
        return;
      case 'expire':
        this.observer.onExpired?.(event.delivery.visit.message, event.delivery.visit.server.config.name, this.sim.nowMs);
        this.closeDelivery(event.delivery, 'bounced', 'expired');
        return;
      case 'link':
        this.firewall.setLinkUp(event.link, event.up);
        this.observer.onLinkChange?.(event.link, event.up, this.sim.nowMs);
        return;
    }
  }

  private server(name: string): ServerState {
    const server = this.servers.get(name);
    if (server === undefined) throw new Error(`unknown server ${name}: the scenario check should have caught it`);
    return server;
  }

  /** A message enters a server's queue; its deliveries are due at once. */
  private enqueue(message: TrackedMessage, server: ServerState): void {
    const parts = splitRecipients(message.spec.to, server.config.route.kind === 'direct');
    const visit: Visit = { message, server, queuedAtMs: this.sim.nowMs, open: parts.length };
    message.openDeliveries += parts.length;
    this.setDepth(server, server.depth + 1);
    for (const part of parts) server.ready.push({ visit, recipients: part.recipients, domain: part.domain, failures: 0, current: undefined, conversation: undefined });
    this.dispatch(server);
  }

  private dispatch(server: ServerState): void {
    while (server.active < server.config.concurrency) {
      const delivery = takeReady(server);
      if (delivery === undefined) return;
      server.active++;
      delivery.current = this.attempt(delivery);
      this.sim.schedule(delivery.current.endMs, { kind: 'done', delivery });
    }
  }

  /** Opens a session for a delivery and decides, now, how it goes. */
  private attempt(delivery: Delivery): AttemptRecord {
    const server = delivery.visit.server.config;
    const route = server.route;
    if (route.kind === 'relay') return this.insideAttempt(delivery, this.server(route.to));
    const hop = route.kind === 'smarthost' ? this.destinations.relay(route.relay) : this.destinations.domain(delivery.domain);
    return this.outsideAttempt(delivery, hop);
  }

  private insideAttempt(delivery: Delivery, next: ServerState): AttemptRecord {
    const server = delivery.visit.server.config;
    const transferMs = Math.ceil((delivery.visit.message.spec.sizeBytes * 8) / insideKbps);
    return this.record(delivery, next.config.name, next.config.address, null, server.address, 'inside', insideAccepted, 6 * insideCommandMs + transferMs);
  }

  private outsideAttempt(delivery: Delivery, hop: OutsideHop): AttemptRecord {
    const server = delivery.visit.server.config;
    if (hop.kind === 'unresolvable') {
      return this.record(delivery, hop.host, '', null, server.address, 'none', { reply: hop.reply, reason: hop.reason, checks: noChecks }, 0);
    }
    const decision = this.firewall.route({ sourceAddress: server.address, destinationAddress: hop.address, port: smtpPort });
    if (decision.kind === 'dropped') {
      const reply: StagedReply = { code: null, enhanced: '4.4.1', text: `connect to ${hop.host}[${hop.address}]:25: Network is unreachable (${decision.why})`, stage: 'CONNECT' };
      return this.record(delivery, hop.host, hop.address, null, server.address, decision.rule, { reply, reason: 'link-down', checks: noChecks }, 0);
    }
    const conversation = hop.peer.converse({
      sourceAddress: decision.natAddress, helo: server.helo, sender: delivery.visit.message.spec.from, recipients: delivery.recipients, nowMs: this.sim.nowMs,
    });
    const commandsMs = (stageIndex(conversation.reply.stage) + 1) * outsideCommandMs;
    const kbps = this.uplinkKbps.get(decision.link) ?? 1024;
    const transferMs = conversation.reason === 'accepted' ? Math.ceil((delivery.visit.message.spec.sizeBytes * 8) / kbps) : 0;
    return this.record(delivery, hop.host, hop.address, decision.link, decision.natAddress, decision.rule, conversation, commandsMs + transferMs);
  }

  // Positional rather than an options bag: this runs once per attempt, millions of times.
  private record(delivery: Delivery, nextHop: string, nextHopAddress: string, link: string | null, sourceAddress: string, rule: string, conversation: Conversation, durationMs: number): AttemptRecord {
    const now = this.sim.nowMs;
    const endMs = now + durationMs;
    delivery.conversation = conversation;
    const kind = replyClass(conversation.reply);
    const outcome = kind === 2 ? 'accepted' : kind === 5 ? 'rejected' : 'deferred';
    return {
      messageId: delivery.visit.message.spec.id, atMs: now, endMs, server: delivery.visit.server.config.name,
      nextHop, nextHopAddress, link, sourceAddress, rule, recipients: delivery.recipients, reply: conversation.reply, reason: conversation.reason, checks: conversation.checks,
      outcome, retryAtMs: outcome === 'deferred' ? this.retryAt(delivery, endMs) : null,
    };
  }

  /** The time of the next try, or null when that would be past the queue lifetime. */
  private retryAt(delivery: Delivery, failedAtMs: number): number | null {
    const profile = delivery.visit.server.config.retry;
    const retryAtMs = failedAtMs + profile.delayMs(delivery.failures + 1, failedAtMs - delivery.visit.queuedAtMs);
    return retryAtMs - delivery.visit.queuedAtMs >= profile.lifetimeMs ? null : retryAtMs;
  }

  private finishAttempt(delivery: Delivery): void {
    const attempt = delivery.current!;
    delivery.current = undefined;
    const server = delivery.visit.server;
    server.active--;
    const message = delivery.visit.message;
    message.addAttempt(attempt, delivery.conversation!);
    this.observer.onAttempt?.(attempt, delivery.visit.message);
    if (attempt.outcome === 'accepted') {
      const route = server.config.route;
      if (route.kind === 'relay') this.enqueue(message, this.server(route.to));
      this.closeDelivery(delivery, 'delivered', null);
    } else if (attempt.outcome === 'rejected') {
      this.closeDelivery(delivery, 'bounced', attempt.reason);
    } else {
      delivery.failures++;
      if (attempt.retryAtMs !== null) this.sim.schedule(attempt.retryAtMs, { kind: 'due', delivery });
      else this.sim.schedule(delivery.visit.queuedAtMs + server.config.retry.lifetimeMs, { kind: 'expire', delivery });
    }
    this.dispatch(server);
  }

  /** A delivery leaves its server's queue: handed on, delivered, or returned. */
  private closeDelivery(delivery: Delivery, result: 'delivered' | 'bounced', reason: MessageRecord['finalReason']): void {
    const { visit } = delivery;
    const message = visit.message;
    visit.open--;
    if (visit.open === 0) this.setDepth(visit.server, visit.server.depth - 1);
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
