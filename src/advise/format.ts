import { formatDelay } from '../run/expectations.js';
import type { Advice, TriedCandidate } from './index.js';
import type { Score } from './score.js';

/** The advice as text: the baseline, the best `top` changes with their YAML diff, the rest in brief. Pure. */
export function formatAdvice(advice: Advice, top: number): string {
  const lines = [`Advice for "${advice.scenario}" (seed ${advice.seed}): ${advice.ranked.length} changes tried on the same traffic`, `  now:  ${scoreLine(advice.baseline)}`];
  advice.ranked.slice(0, top).forEach((tried, index) => {
    lines.push('', `${index + 1}. ${tried.candidate.title}`, `   ${verdict(advice.baseline, tried)}`, `   after: ${scoreLine(tried.score)}`, '', ...tried.diff.trimEnd().split('\n').map((line) => `   ${line}`));
  });
  const rest = advice.ranked.slice(top);
  if (rest.length > 0) {
    lines.push('', 'Also tried:');
    for (const tried of rest) lines.push(`  - ${tried.candidate.title}: ${scoreLine(tried.score)}`);
  }
  if (advice.skipped.length > 0) {
    lines.push('', 'Not possible in this scenario format:');
    for (const { candidate, why } of advice.skipped) lines.push(`  - ${candidate.title}: ${why}`);
  }
  lines.push('');
  return lines.join('\n');
}

function scoreLine(score: Score): string {
  return `${score.delivered}/${score.messages} delivered, ${score.bounced} bounced, ${score.pending} pending, ${score.failedAttempts} failed attempts, p95 delay ${formatDelay(score.p95DelayMs)}, queue peak ${score.queuePeak}`;
}

function verdict(baseline: Score, tried: TriedCandidate): string {
  const score = tried.score;
  if (score.delivered === score.messages) return 'delivers every message';
  const gained = score.delivered - baseline.delivered;
  return gained > 0 ? `delivers ${gained} more messages` : gained < 0 ? `delivers ${-gained} fewer messages` : 'delivers as many messages as now';
}
