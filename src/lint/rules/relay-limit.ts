import type { PeerLimitConfig } from '../../model/peer-policy.js';
import { formatReply } from '../../model/smtp.js';
import type { Scenario } from '../../scenario/schema/index.js';
import type { Finding, LintContext } from '../types.js';

/** Above this share of a limit the expected peak is a warning: bursts go over. */
const nearLimit = 0.8;

/**
 * A relay's limit against the expected peak of the traffic sent to it: the generator's peak
 * rate (its `rate` is the peak of the profile) and the busiest window of listed messages, scaled
 * by recipients when the limit counts them and shared among the sources it is counted by.
 */
export function relayLimitBelowPeak(context: LintContext): Finding[] {
  const { scenario, config, egress } = context;
  const findings: Finding[] = [];
  scenario.internet.relays.forEach((relay, relayIndex) => {
    const users = egress.servers.filter((user) => user.target.kind === 'smarthost' && user.target.relay === relay.name);
    if (users.length === 0) return;
    const model = config.relays.find((r) => r.name === relay.name)!;
    const sources = new Set(users.flatMap((user) => [...user.links.keys()])).size || 1;
    model.policy.limits.forEach((limit, limitIndex) => {
      const peak = peakInWindow(scenario, limit);
      const keys = limit.scope === 'source' ? sources : limit.scope === 'sender' ? senderCount(scenario) : 1;
      const allowed = limit.max * keys;
      if (peak <= allowed * nearLimit) return;
      const raw = relayRaw(context.raw, relayIndex);
      const path = ['internet', 'relays', relayIndex, 'limit', ...(Array.isArray(raw) ? [limitIndex] : []), 'max'];
      const window = `${formatMinutes(limit.perMs)}`;
      const over = peak > allowed;
      findings.push({
        rule: 'relay-limit-below-peak', severity: over ? 'error' : 'warning', path,
        message: `${relay.name} accepts ${limit.max} ${limit.count} per ${window} per ${limit.scope}${keys > 1 ? ` (${allowed} over ${keys} ${limit.scope}s)` : ''}, but the traffic peaks at about ${Math.round(peak)} per ${window}: ${over ? `it will answer "${formatReply(limit.reply)}" and the queue grows` : 'bursts will reach the limit'}`,
        fix: `deliver directly instead of through ${relay.name}, or throttle the sending server below ${limit.max} per ${window} (a gap of at least ${Math.ceil(limit.perMs / limit.max / 1000) + 1}s between messages)`,
      });
    });
  });
  return findings;
}

/** The expected count in the busiest window of `limit.perMs`. */
function peakInWindow(scenario: Scenario, limit: PeerLimitConfig): number {
  const generator = scenario.traffic.generate;
  const perRecipient = limit.count === 'recipients';
  const generated = generator ? (generator.rate * limit.perMs) / 3_600_000 * (perRecipient ? (generator.recipients.min + generator.recipients.max) / 2 : 1) : 0;
  const listed = scenario.traffic.messages.map((message) => ({ atMs: message.at, weight: perRecipient ? message.to.length : 1 }));
  return generated + busiestWindow(listed, limit.perMs);
}

/** The largest total weight of events inside any window of `windowMs`. */
export function busiestWindow(events: readonly { atMs: number; weight: number }[], windowMs: number): number {
  const sorted = [...events].sort((a, b) => a.atMs - b.atMs);
  let best = 0;
  let sum = 0;
  let start = 0;
  for (const event of sorted) {
    sum += event.weight;
    while (event.atMs - sorted[start]!.atMs >= windowMs) sum -= sorted[start++]!.weight;
    best = Math.max(best, sum);
  }
  return best;
}

function senderCount(scenario: Scenario): number {
  return new Set([...scenario.traffic.messages.map((message) => message.from), ...(scenario.traffic.generate?.from ?? [])]).size || 1;
}

function relayRaw(raw: unknown, index: number): unknown {
  const relays = (raw as { internet?: { relays?: unknown[] } } | null)?.internet?.relays;
  return (relays?.[index] as { limit?: unknown } | undefined)?.limit;
}

function formatMinutes(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
}
