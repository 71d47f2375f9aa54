import type { Expectation } from '../scenario/schema/expect.js';
import type { MessageRecord } from '../model/world/types.js';
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
  if ('all_delivered' in expectation) {
    const notDelivered = world.messages.length - stats.delivered;
    return { expectation: 'every message delivered', passed: notDelivered === 0, measured: `${stats.delivered} of ${world.messages.length} delivered` };
  }
  if ('pending_at_end' in expectation) {
    const pending = world.messages.length - stats.delivered - stats.bounced;
    return { expectation: `at most ${expectation.pending_at_end} pending at the end`, passed: pending <= expectation.pending_at_end, measured: `${pending} pending` };
  }
  if ('bounced' in expectation) {
    return { expectation: `at most ${expectation.bounced} bounced`, passed: stats.bounced <= expectation.bounced, measured: `${stats.bounced} bounced` };
  }
  if ('no_attempts_via' in expectation) {
    const attempts = stats.links.get(expectation.no_attempts_via)?.attempts ?? 0;
    return { expectation: `no attempt through ${expectation.no_attempts_via}`, passed: attempts === 0, measured: `${attempts} attempts` };
  }
  if ('no_failures_via' in expectation) {
    const counts = stats.links.get(expectation.no_failures_via);
    const failures = counts ? counts.deferred + counts.rejected : 0;
    return { expectation: `no failed attempt through ${expectation.no_failures_via}`, passed: failures === 0, measured: `${failures} failed` };
  }
  if ('queue_peak' in expectation) {
    const { server, at_most, at_least } = expectation.queue_peak;
    const peak = world.servers.get(server)?.peakDepth ?? 0;
    return { expectation: `queue peak of ${server} ${boundText(at_most, at_least)}`, passed: within(peak, at_most, at_least), measured: `peak ${peak}` };
  }
  const { name, at_most, at_least } = expectation.reason;
  const count = stats.reasons.get(name as never) ?? 0;
  return { expectation: `reason ${name} ${boundText(at_most, at_least)}`, passed: within(count, at_most, at_least), measured: `${count} times` };
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
