import type { Scenario } from '../../scenario/schema/index.js';
import { RunSession } from '../session.js';
import { diffRuns, type RunDiff } from './compare.js';
import { summariseRun } from './summary.js';

export { diffRuns, worseDelayMs, type Delta, type MessageChange, type RunDiff, type Verdict } from './compare.js';
export { formatDiff } from './format.js';
export { summariseRun, type MessageOutcome, type RunSummary } from './summary.js';

/**
 * Replays the same traffic through two scenarios (the seed is BEFORE's unless given) and
 * compares them message by message.
 */
export function diffScenarios(before: Scenario, after: Scenario, seed = before.seed): RunDiff {
  const first = summariseRun(new RunSession(before, { seed }).runToEnd());
  const second = summariseRun(new RunSession(after, { seed }).runToEnd());
  return diffRuns(first, second, seed, sameTraffic(before, after));
}

/** Whether two scenarios submit the same messages: same window, same traffic section. */
export function sameTraffic(before: Scenario, after: Scenario): boolean {
  return before.start === after.start && before.duration === after.duration && JSON.stringify(before.traffic) === JSON.stringify(after.traffic);
}
