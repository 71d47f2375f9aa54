import { formatReply } from '../../model/smtp.js';
import type { AttemptRecord, MessageRecord } from '../../model/world/types.js';
import { formatDelay } from '../expectations.js';
import type { RunSession } from '../session.js';
import { dialogueLines } from './dialogue.js';
import { routeDetails } from './routing.js';
import type { MessageTrace, TraceAttempt, TraceStep } from './types.js';

/** Queue depth changes recorded during a run, per server, in time order. */
export type DepthSeries = ReadonlyMap<string, readonly { readonly atMs: number; readonly depth: number }[]>;

/** Builds the trace of a message in a finished run. */
export function buildTrace(session: RunSession, message: MessageRecord, depths: DepthSeries, hypothetical: boolean): MessageTrace {
  const { clock, world } = session;
  const placements = balancerPlacements(session);
  const enteredAt = new Map<string, number>([[world.config.submitTo, message.spec.atMs]]);
  const tries = new Map<string, number>();
  // The log holds attempts as they end; a trace reads in the order they began.
  const began = [...message.attempts].sort((a, b) => a.atMs - b.atMs);
  const attempts = began.map((attempt): TraceAttempt => {
    const key = `${attempt.server} ${attempt.nextHop} ${attempt.recipients.join(',')}`;
    const tryNumber = (tries.get(key) ?? 0) + 1;
    tries.set(key, tryNumber);
    const steps = attemptSteps(session, message, attempt, { tryNumber, enteredAtMs: enteredAt.get(attempt.server) ?? message.spec.atMs, depth: depthAt(depths, attempt.server, attempt.atMs), placement: balancerState(placements, attempt) });
    if (attempt.outcome === 'accepted' && attempt.rule === 'inside') enteredAt.set(attempt.nextHop, attempt.endMs);
    return { at: clock.iso(attempt.atMs), server: attempt.server, nextHop: attempt.nextHop, steps };
  });
  return {
    scenario: session.scenario.name, seed: session.seed,
    message: { id: message.spec.id, from: message.spec.from, to: message.spec.to, sizeBytes: message.spec.sizeBytes, submittedAt: clock.iso(message.spec.atMs), hypothetical },
    attempts,
    result: resultText(session, message),
  };
}

interface AttemptContext {
  readonly tryNumber: number;
  readonly enteredAtMs: number;
  readonly depth: number;
  readonly placement: BalancerState;
}

function attemptSteps(session: RunSession, message: MessageRecord, attempt: AttemptRecord, context: AttemptContext): TraceStep[] {
  const { clock, world } = session;
  const server = world.config.servers.find((s) => s.name === attempt.server)!;
  const waited = formatDelay(attempt.atMs - context.enteredAtMs);
  const steps: TraceStep[] = [{ kind: 'queue', title: `queue on ${server.name}`, details: [`queued since ${clock.time(context.enteredAtMs)} (waited ${waited}); try ${context.tryNumber} of this delivery`, `queue depth then: ${context.depth} message${context.depth === 1 ? '' : 's'}`] }];
  if (attempt.rule === 'inside') {
    steps.push({ kind: 'route', title: 'route: inside hop, no firewall', details: [`${server.name} (${server.address}) → ${attempt.nextHop} (${attempt.nextHopAddress}) on the inside network`] });
  } else if (attempt.rule === 'none') {
    steps.push({ kind: 'route', title: `route: no mail host for ${attempt.nextHop}`, details: [formatReply(attempt.reply)] });
  } else if (!attempt.rule.startsWith('policy-route:') && !attempt.rule.startsWith('load-balancing:')) {
    steps.push({ kind: 'route', title: `route: no connection made (${attempt.rule})`, details: [formatReply(attempt.reply)] });
  } else {
    steps.push({ kind: 'route', title: `route: ${attempt.link === null ? 'no link' : `via ${attempt.link}`} (${attempt.rule})`, details: routeDetails(world.config, attempt, server.address, context.placement) });
    if (attempt.link !== null) {
      steps.push(natStep(session, attempt, server.address));
      steps.push(connectStep(session, attempt));
    }
  }
  if (attempt.link !== null || attempt.rule === 'inside') {
    const checks = attempt.checks.map((check) => `check ${check.check}: ${check.result} (${check.detail})`);
    steps.push({ kind: 'smtp', title: `SMTP with ${attempt.nextHop}: ${formatReply(attempt.reply)} at ${attempt.reply.stage}`, details: [...dialogueLines(attempt, server.helo, message.spec.from), ...checks] });
  }
  steps.push({ kind: 'outcome', title: outcomeTitle(session, attempt), details: outcomeDetails(session, attempt) });
  return steps;
}

function natStep(session: RunSession, attempt: AttemptRecord, inside: string): TraceStep {
  const config = session.world.config;
  const rule = config.firewall.nat?.find((r) => r.link === attempt.link);
  const identity = session.world.destinations.identity.resolve(attempt.sourceAddress);
  const ptr = identity.ptrNames.length === 0 ? (identity.iprev === 'temperror' ? 'PTR lookup times out' : 'no PTR record') : `PTR ${identity.ptrNames.join(', ')}, FCrDNS ${identity.iprev}`;
  return { kind: 'nat', title: `NAT: ${inside} → ${attempt.sourceAddress}`, details: [rule ? `NAT rule for ${attempt.link}` : config.firewall.nat === undefined ? `${attempt.link}'s own address (no NAT rules listed)` : `no NAT rule for ${attempt.link}: the private address leaves unchanged, and the ISP drops it`, `reverse DNS of ${attempt.sourceAddress}: ${ptr}`] };
}

function connectStep(session: RunSession, attempt: AttemptRecord): TraceStep {
  const relay = session.world.config.relays.find((r) => r.name === attempt.nextHop);
  const domain = (attempt.recipients[0] ?? '').split('@')[1] ?? '';
  const hop = relay ? undefined : session.world.destinations.domainHops().get(domain);
  const policy = relay ? `relay ${relay.name}` : hop?.kind === 'peer' ? `MX of ${domain}, receiver policy ${hop.peer.policy.name}` : `MX of ${domain}`;
  return { kind: 'connect', title: `connect ${attempt.sourceAddress} → ${attempt.nextHop} [${attempt.nextHopAddress}]:25`, details: [policy] };
}

function outcomeTitle(session: RunSession, attempt: AttemptRecord): string {
  if (attempt.outcome === 'accepted') return attempt.rule === 'inside' ? `accepted: handed to ${attempt.nextHop}` : `accepted: delivered to ${attempt.nextHop} for ${attempt.recipients.join(', ')}`;
  if (attempt.outcome === 'rejected') return `rejected (${attempt.reason}): the message bounces`;
  if (attempt.retryAtMs !== null) return `deferred (${attempt.reason}): next try at ${session.clock.time(attempt.retryAtMs)}, in ${formatDelay(attempt.retryAtMs - attempt.endMs)}`;
  return `deferred (${attempt.reason}): no further try before the queue lifetime ends; the message expires`;
}

function outcomeDetails(session: RunSession, attempt: AttemptRecord): string[] {
  const details = [`session ${session.clock.time(attempt.atMs)}–${session.clock.time(attempt.endMs)}`];
  if (attempt.retryAtMs !== null && attempt.retryAtMs > session.endMs) details.push('the next try falls after the window closes');
  return details;
}

function resultText(session: RunSession, message: MessageRecord): string {
  const at = message.finishedAtMs === null ? '' : session.clock.iso(message.finishedAtMs);
  if (message.status === 'delivered') return `delivered at ${at}, ${formatDelay(message.finishedAtMs! - message.spec.atMs)} after submission`;
  if (message.status === 'bounced') return `bounced at ${at} (${message.finalReason})`;
  return `still pending when the window closes at ${session.clock.iso(session.endMs)}`;
}

/** Outside attempts the balancer placed (not policy routes), in the order the sessions opened. */
function balancerPlacements(session: RunSession): AttemptRecord[] {
  const placed: AttemptRecord[] = [];
  for (const message of session.world.messages) for (const attempt of message.attempts) if (attempt.link !== null && attempt.rule.startsWith('load-balancing:')) placed.push(attempt);
  return placed.sort((a, b) => a.atMs - b.atMs);
}

/** What the balancer had done before an attempt: its last earlier placement, and ties at the same instant. */
export interface BalancerState {
  readonly previous: AttemptRecord | undefined;
  /** Other connections placed in the same millisecond, whose order the log does not keep. */
  readonly sameInstant: number;
}

function balancerState(placements: readonly AttemptRecord[], attempt: AttemptRecord): BalancerState {
  let previous: AttemptRecord | undefined;
  let sameInstant = 0;
  for (const placement of placements) {
    if (placement.atMs > attempt.atMs) break;
    if (placement.atMs < attempt.atMs) previous = placement;
    else if (placement.messageId !== attempt.messageId || placement.nextHop !== attempt.nextHop) sameInstant++;
  }
  return { previous, sameInstant };
}

function depthAt(depths: DepthSeries, server: string, atMs: number): number {
  let depth = 0;
  for (const change of depths.get(server) ?? []) {
    if (change.atMs > atMs) break;
    depth = change.depth;
  }
  return depth;
}
