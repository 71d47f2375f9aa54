import type { Expectation } from '../scenario/schema/expect.js';
import { portOf } from '../model/firewall/policy-routes.js';
import type { Reason } from '../model/reasons.js';
import type { MessageRecord } from '../model/world/types.js';
import { formatDurationMs } from '../scenario/schema/units.js';
import type { RunSession } from './session.js';

/** One expectation's verdict, with what was measured. */
export interface ExpectationResult {
  readonly expectation: string;
  readonly passed: boolean;
  readonly measured: string;
}

/** Checks a finished run against the scenario's `expect:` list. */
export function evaluateExpectations(session: RunSession): ExpectationResult[] {
  return session.scenario.expect.map((expectation) => evaluate(expectation, session));
}

function evaluate(expectation: Expectation, session: RunSession): ExpectationResult {
  const { stats, world } = session;
  const total = world.messages.length;
  const pending = total - stats.delivered - stats.bounced;
  if ('all_delivered' in expectation) {
    return { expectation: 'every message delivered', passed: stats.delivered === total, measured: `${stats.delivered} of ${total} delivered` };
  }
  if ('pending_at_end' in expectation) {
    return { expectation: `at most ${expectation.pending_at_end} pending at the end`, passed: pending <= expectation.pending_at_end, measured: `${pending} pending` };
  }
  if ('nothing_pending' in expectation) return { expectation: 'nothing pending at the end', passed: pending === 0, measured: `${pending} pending` };
  if ('bounced' in expectation) {
    return { expectation: `at most ${expectation.bounced} bounced`, passed: stats.bounced <= expectation.bounced, measured: `${stats.bounced} bounced` };
  }
  if ('no_attempts_via' in expectation) return noAttemptsVia(expectation.no_attempts_via, session);
  if ('no_failures_via' in expectation) {
    const failures = failuresVia(session, expectation.no_failures_via);
    return { expectation: `no failed attempt through ${expectation.no_failures_via}`, passed: failures === 0, measured: `${failures} failed` };
  }
  if ('failures_via' in expectation) {
    const { link, at_most } = expectation.failures_via;
    const failures = failuresVia(session, link);
    return { expectation: `at most ${at_most} failed attempts through ${link}`, passed: failures <= at_most, measured: `${failures} failed` };
  }
  if ('no_reason' in expectation) {
    const count = reasonCount(session, expectation.no_reason);
    return { expectation: `no attempt with reason ${expectation.no_reason}`, passed: count === 0, measured: `${count} times` };
  }
  if ('delivery_delay' in expectation) return deliveryDelay(expectation.delivery_delay, session);
  if ('queue_peak' in expectation) {
    const { server, at_most, at_least } = expectation.queue_peak;
    const peak = server === undefined ? Math.max(0, ...[...world.servers.values()].map((state) => state.peakDepth)) : (world.servers.get(server)?.peakDepth ?? 0);
    const which = server === undefined ? 'every queue' : `queue peak of ${server}`;
    return { expectation: `${which} ${boundText(at_most, at_least)}`, passed: within(peak, at_most, at_least), measured: `peak ${peak}` };
  }
  const { name, at_most, at_least } = expectation.reason;
  const count = reasonCount(session, name);
  return { expectation: `reason ${name} ${boundText(at_most, at_least)}`, passed: within(count, at_most, at_least), measured: `${count} times` };
}

/** Every attempt the model makes through a link is SMTP to TCP 25. */
const attemptPort = 25;

function noAttemptsVia(via: string | { link: string; service?: string | undefined }, session: RunSession): ExpectationResult {
  const link = typeof via === 'string' ? via : via.link;
  const service = typeof via === 'string' ? undefined : via.service;
  const counted = service === undefined || service === 'any' || portOf(service) === attemptPort;
  const attempts = counted ? (session.stats.links.get(link)?.attempts ?? 0) : 0;
  const what = service === undefined || service === 'any' ? '' : ` for ${service}`;
  return { expectation: `no attempt through ${link}${what}`, passed: attempts === 0, measured: `${attempts} attempts` };
}

function failuresVia(session: RunSession, link: string): number {
  const counts = session.stats.links.get(link);
  return counts ? counts.deferred + counts.rejected : 0;
}

function reasonCount(session: RunSession, reason: string): number {
  return session.stats.reasons.get(reason as Reason) ?? 0;
}

function deliveryDelay(bound: { percentile: number; at_most: number }, session: RunSession): ExpectationResult {
  const delays = deliveryDelaysMs(session.world.messages, session.done ? session.endMs : session.nowMs);
  const measuredMs = percentile(delays, bound.percentile);
  const label = `p${bound.percentile} delivery delay at most ${formatDurationMs(bound.at_most)}`;
  if (measuredMs === undefined) return { expectation: label, passed: true, measured: 'no messages' };
  return { expectation: label, passed: measuredMs <= bound.at_most, measured: `p${bound.percentile} ${formatDelay(measuredMs)}` };
}

/**
 * Delay from submission to delivery, ms, of every delivered message and of every message still
 * pending at `nowMs` (its wait so far, a lower bound); bounced messages are left out.
 */
export function deliveryDelaysMs(messages: readonly MessageRecord[], nowMs: number): number[] {
  const delays: number[] = [];
  for (const message of messages) {
    if (message.status === 'delivered') delays.push(message.finishedAtMs! - message.spec.atMs);
    else if (message.status === 'pending' && message.spec.atMs <= nowMs) delays.push(nowMs - message.spec.atMs);
  }
  return delays;
}

/** The nearest-rank percentile (1 to 100) of the values; undefined when there are none. */
export function percentile(values: readonly number[], rank: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((rank / 100) * sorted.length))) - 1];
}

/** A delay as `2m05s`, `40s` or `850ms`. */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function within(value: number, atMost: number | undefined, atLeast: number | undefined): boolean {
  return (atMost === undefined || value <= atMost) && (atLeast === undefined || value >= atLeast);
}

function boundText(atMost: number | undefined, atLeast: number | undefined): string {
  const parts: string[] = [];
  if (atLeast !== undefined) parts.push(`at least ${atLeast}`);
  if (atMost !== undefined) parts.push(`at most ${atMost}`);
  return parts.join(' and ');
}

/** Messages not delivered, for brief listings. */
export function failedMessages(messages: readonly MessageRecord[]): MessageRecord[] {
  return messages.filter((message) => message.status !== 'delivered');
}
