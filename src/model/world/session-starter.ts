import type { Simulator } from '../../core/simulator.js';
import type { Firewall } from '../firewall/firewall.js';
import type { Flow, RouteDecision } from '../firewall/types.js';
import { connectTimeoutMs } from '../links/connect.js';
import type { Network } from '../links/network.js';
import { stageIndex, type StagedReply } from '../smtp.js';
import { attemptOutcome } from './recipient-outcomes.js';
import type { Conversation, SmtpSession } from '../smtp-peer.js';
import type { Delivery, NextTryAt, ServerState } from './delivery.js';
import type { OutsideHop } from './destinations.js';
import type { HopLabel } from './hop-labels.js';
import type { MxFallback } from './mx-fallback.js';
import type { Suspensions } from './suspension.js';
import type { WorldEvent } from './world.js';

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
 * How each session goes, decided when it opens: an inside hop accepts; outside, a suspended
 * destination answers at once, else the firewall picks the link and NAT address, the link decides
 * the handshake, and the peer the conversation. The outcome is written into the delivery's
 * session facts, which the world stores in the attempt log when the session ends.
 */
export class SessionStarter {
  private sourcePort = 32768;
  // One flow and one session, refilled for each connection: the firewall and the peers read them
  // and keep none of them, and a million connections a day need not make two objects each.
  private readonly flow: { -readonly [K in keyof Flow]-?: Flow[K] } = { sourceAddress: '', destinationAddress: '', port: smtpPort, sourcePort: 0 };
  private readonly session: { -readonly [K in keyof SmtpSession]: SmtpSession[K] } = {
    sourceAddress: '', helo: '', sender: '', recipients: [], nowMs: 0, account: undefined,
  };

  /** @param nextTryAt when a delivery whose session ends deferred at a time (ms) goes again, or null when never. */
  constructor(
    private readonly sim: Simulator<WorldEvent>,
    private readonly firewall: Firewall,
    private readonly network: Network,
    private readonly mx: MxFallback,
    private readonly suspensions: Suspensions,
    private readonly nextTryAt: NextTryAt,
  ) {}

  /** Opens a session for the delivery now: decides how it goes and fills in its session facts. */
  start(delivery: Delivery): void {
    const server = delivery.server.config;
    const route = server.route;
    if (route.kind === 'relay') return this.insideAttempt(delivery, delivery.server.relayTo!);
    const suspended = delivery.hop === 0 ? this.suspensions.active(delivery, this.sim.nowMs) : undefined;
    if (suspended !== undefined) return this.begin(delivery, suspended.hop, null, server.address, 'suspended', suspended.conversation, 0);
    return this.outsideAttempt(delivery, this.mx.hop(delivery));
  }

  private insideAttempt(delivery: Delivery, next: ServerState): void {
    const server = delivery.server.config;
    const transferMs = Math.ceil((delivery.message.sizeBytes * 8) / insideKbps);
    return this.begin(delivery, next.label, null, server.address, 'inside', insideAccepted, 6 * insideCommandMs + transferMs);
  }

  private outsideAttempt(delivery: Delivery, hop: OutsideHop): void {
    const server = delivery.server.config;
    if (hop.kind === 'unresolvable') {
      return this.begin(delivery, hop, null, server.address, 'none', { reply: hop.reply, reason: hop.reason, checks: noChecks }, 0);
    }
    this.sourcePort = this.sourcePort >= 60999 ? 32768 : this.sourcePort + 1; // Linux ip_local_port_range
    const flow = this.flow;
    flow.sourceAddress = server.address;
    flow.destinationAddress = hop.address;
    flow.sourcePort = this.sourcePort;
    const decision = this.firewall.route(flow, this.sim.nowMs);
    if (decision.kind === 'dropped') {
      const reply: StagedReply = { code: null, enhanced: '4.4.1', text: `connect to ${hop.host}[${hop.address}]:25: Network is unreachable (${decision.why})`, stage: 'CONNECT' };
      return this.begin(delivery, hop, null, server.address, decision.rule, { reply, reason: 'link-down', checks: noChecks }, 0);
    }
    const handshakeMs = decision.ispDrops ? -1 : this.network.handshakeDelayMs(decision.link);
    if (handshakeMs < 0) return this.timedOut(delivery, hop, decision);
    const session = this.session;
    session.sourceAddress = decision.natAddress;
    session.helo = server.helo;
    session.sender = delivery.message.from;
    session.recipients = delivery.recipients;
    session.nowMs = this.sim.nowMs;
    session.account = server.account;
    const conversation = hop.peer.converse(session);
    const commandsEndMs = this.sim.nowMs + handshakeMs + (stageIndex(conversation.reply.stage) + 1) * outsideCommandMs;
    const endMs = conversation.reason === 'accepted' ? this.network.send(decision.link, commandsEndMs, delivery.message.sizeBytes) : commandsEndMs;
    if (hop.peer.holdsSessions) hop.peer.settle(endMs);
    return this.begin(delivery, hop, decision.link, decision.natAddress, decision.rule, conversation, endMs - this.sim.nowMs);
  }

  /** A connection that never got an answer: out a dead link, every SYN lost, or from a private address the ISP drops. */
  private timedOut(delivery: Delivery, hop: HopLabel, decision: Extract<RouteDecision, { kind: 'routed' }>): void {
    const why = decision.ispDrops ? ` (sent from ${decision.natAddress} out ${decision.link}: no NAT rule, so the ISP drops it)` : '';
    const reply: StagedReply = { code: null, enhanced: '4.4.1', text: `connect to ${hop.host}[${hop.address}]:25: Connection timed out${why}`, stage: 'CONNECT' };
    const conversation: Conversation = { reply, reason: decision.ispDrops ? 'no-nat' : 'connect-timeout', checks: noChecks };
    return this.begin(delivery, hop, decision.link, decision.natAddress, decision.rule, conversation, connectTimeoutMs);
  }

  /**
   * Fills in the delivery's session facts. Positional rather than an options bag, and on the
   * delivery rather than in a record of its own: this runs once per attempt, millions of times.
   */
  private begin(delivery: Delivery, hop: HopLabel, link: string | null, sourceAddress: string, rule: string, conversation: Conversation, durationMs: number): void {
    const now = this.sim.nowMs;
    const endMs = now + durationMs;
    const outcome = attemptOutcome(conversation.reply);
    delivery.atMs = now;
    delivery.endMs = endMs;
    delivery.link = link;
    delivery.sourceAddress = sourceAddress;
    delivery.rule = rule;
    delivery.conversation = conversation;
    delivery.currentHop = hop;
    delivery.outcome = outcome;
    // Falling back to the next MX happens at once, so that is the retry time.
    delivery.retryAtMs = outcome === 'deferred' ? this.nextTryAt(delivery, conversation, endMs) : null;
  }
}
