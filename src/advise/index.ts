import { analyseSmtpEgress } from '../lint/index.js';
import { buildWorldConfig } from '../run/build-world.js';
import { loadScenarioText } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/schema/index.js';
import { generateCandidates, type Candidate } from './candidates.js';
import { applyEdits } from './edit.js';
import { unifiedDiff } from './line-diff.js';
import { compareScores, scoreScenario, type Score } from './score.js';

export { formatAdvice } from './format.js';
export type { Candidate } from './candidates.js';
export type { Score } from './score.js';

/** A candidate tried on the traffic: its score and the changed file. */
export interface TriedCandidate {
  readonly candidate: Candidate;
  readonly score: Score;
  /** The whole changed scenario text. */
  readonly text: string;
  /** The change as a unified diff of the scenario file. */
  readonly diff: string;
}

/** The outcome of `advise`: the baseline, every candidate tried (best first), and those skipped. */
export interface Advice {
  readonly file: string;
  readonly scenario: string;
  readonly seed: number;
  readonly baseline: Score;
  readonly ranked: readonly TriedCandidate[];
  /** Candidates this scenario's model cannot take (the edit does not validate), with why. */
  readonly skipped: readonly { readonly candidate: Candidate; readonly why: string }[];
}

/**
 * Generates candidate changes, applies each to the scenario text, replays it on the same traffic
 * (same seed) and ranks them, best first; ties keep the order they were generated in.
 */
export function adviseScenario(text: string, file: string, scenario: Scenario, seed = scenario.seed): Advice {
  const config = buildWorldConfig({ ...scenario, traffic: { ...scenario.traffic, generate: undefined, messages: [] } });
  const candidates = generateCandidates({ scenario, config, egress: analyseSmtpEgress(config) });
  const tried: TriedCandidate[] = [];
  const skipped: { candidate: Candidate; why: string }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const changed = applyEdits(text, candidate.edits);
    if (seen.has(changed) || changed === text) continue;
    seen.add(changed);
    const loaded = loadScenarioText(changed, file);
    if (!loaded.ok) {
      skipped.push({ candidate, why: loaded.diagnostics[0]?.message ?? 'the changed scenario is not valid' });
      continue;
    }
    tried.push({ candidate, score: scoreScenario(loaded.scenario, seed), text: changed, diff: unifiedDiff(text, changed, file) });
  }
  const ranked = tried.map((entry, order) => ({ entry, order })).sort((a, b) => compareScores(a.entry.score, b.entry.score) || a.entry.candidate.edits.length - b.entry.candidate.edits.length || a.order - b.order).map(({ entry }) => entry);
  return { file, scenario: scenario.name, seed, baseline: scoreScenario(scenario, seed), ranked, skipped };
}
