import type { MessageOutcome, RunSummary } from './summary.js';

/** How a message's fate moved between the two runs. */
export type Verdict = 'worse' | 'better' | 'changed';

/** A message whose outcome differs between BEFORE and AFTER. */
export interface MessageChange {
  readonly id: string;
  readonly verdict: Verdict;
  readonly before: MessageOutcome | null;
  readonly after: MessageOutcome | null;
  /** What differs, in words: `delivered → bounced`, `via X2 → X1`, `delay +25m`. */
  readonly what: readonly string[];
}

/** A count before and after. */
export interface Delta {
  readonly name: string;
  readonly before: number;
  readonly after: number;
}

/** What changed between two runs of the same traffic. */
export interface RunDiff {
  readonly before: string;
  readonly after: string;
  readonly seed: number;
  readonly sameTraffic: boolean;
  readonly totals: readonly Delta[];
  readonly changes: readonly MessageChange[];
  readonly links: readonly (Delta & { readonly failedBefore: number; readonly failedAfter: number })[];
  readonly reasons: readonly Delta[];
  readonly queuePeaks: readonly Delta[];
  readonly worse: number;
  readonly better: number;
}

/**
 * A delivered message counts as worse when it arrives later by more than this: a retry interval is
 * minutes, while a different link's transfer time moves delivery by seconds at most.
 */
export const worseDelayMs = 60_000;

const statusRank = { delivered: 0, pending: 1, bounced: 2 } as const;

/** Compares two summaries of the same traffic; messages are matched by id. Pure. */
export function diffRuns(before: RunSummary, after: RunSummary, seed: number, sameTraffic: boolean): RunDiff {
  const afterById = new Map(after.messages.map((message) => [message.id, message]));
  const seen = new Set<string>();
  const changes: MessageChange[] = [];
  for (const old of before.messages) {
    seen.add(old.id);
    const change = compareMessage(old, afterById.get(old.id) ?? null);
    if (change) changes.push(change);
  }
  for (const added of after.messages) if (!seen.has(added.id)) changes.push({ id: added.id, verdict: 'changed', before: null, after: added, what: ['only after'] });
  const linkNames = union([...before.links.keys()], [...after.links.keys()]);
  return {
    before: before.name, after: after.name, seed, sameTraffic,
    totals: (['messages', 'delivered', 'bounced', 'pending', 'attempts'] as const).map((name) => ({ name, before: before.totals[name], after: after.totals[name] })),
    changes,
    links: linkNames.map((name) => {
      const b = before.links.get(name);
      const a = after.links.get(name);
      return { name, before: b?.attempts ?? 0, after: a?.attempts ?? 0, failedBefore: b ? b.deferred + b.rejected : 0, failedAfter: a ? a.deferred + a.rejected : 0 };
    }),
    reasons: deltas(before.reasons, after.reasons),
    queuePeaks: deltas(before.queuePeaks, after.queuePeaks),
    worse: changes.filter((change) => change.verdict === 'worse').length,
    better: changes.filter((change) => change.verdict === 'better').length,
  };
}

function compareMessage(before: MessageOutcome, after: MessageOutcome | null): MessageChange | undefined {
  if (after === null) return { id: before.id, verdict: 'changed', before, after, what: ['only before'] };
  const what: string[] = [];
  if (before.status !== after.status) what.push(`${before.status} → ${after.status}`);
  if (before.reason !== after.reason) what.push(`reason ${before.reason ?? '-'} → ${after.reason ?? '-'}`);
  if (before.links.join(',') !== after.links.join(',')) what.push(`via ${before.links.join('+') || '-'} → ${after.links.join('+') || '-'}`);
  if (before.attempts !== after.attempts) what.push(`attempts ${before.attempts} → ${after.attempts}`);
  const delayChange = before.delayMs !== null && after.delayMs !== null ? after.delayMs - before.delayMs : 0;
  if (Math.abs(delayChange) > worseDelayMs) what.push(`delay ${delayChange > 0 ? '+' : '-'}${Math.round(Math.abs(delayChange) / 60_000)}m`);
  if (what.length === 0) return undefined;
  return { id: before.id, verdict: verdictOf(before, after, delayChange), before, after, what };
}

function verdictOf(before: MessageOutcome, after: MessageOutcome, delayChangeMs: number): Verdict {
  const rankChange = statusRank[after.status] - statusRank[before.status];
  if (rankChange > 0) return 'worse';
  if (rankChange < 0) return 'better';
  if (delayChangeMs > worseDelayMs) return 'worse';
  if (delayChangeMs < -worseDelayMs) return 'better';
  if (after.status !== 'delivered' && after.attempts > before.attempts) return 'worse';
  return 'changed';
}

function deltas(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Delta[] {
  return union([...before.keys()], [...after.keys()]).map((name) => ({ name, before: before.get(name) ?? 0, after: after.get(name) ?? 0 }));
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...first, ...second.filter((name) => !first.includes(name))];
}
