import type { MessageTrace } from './types.js';

/**
 * The trace as numbered steps, a Batfish-traceroute-like listing: one block per attempt, each
 * step numbered, its details indented under it. Pure.
 */
export function formatTrace(trace: MessageTrace): string {
  const { message } = trace;
  const lines = [
    `Trace of ${message.hypothetical ? 'a hypothetical message' : `message ${message.id}`} in "${trace.scenario}" (seed ${trace.seed})`,
    `  from ${message.from} to ${message.to.join(', ')}, ${Math.round(message.sizeBytes / 1000)} kB, submitted ${message.submittedAt}`,
  ];
  if (trace.attempts.length === 0) lines.push('', 'No attempt was made before the window closed.');
  trace.attempts.forEach((attempt, index) => {
    lines.push('', `Attempt ${index + 1} at ${attempt.at}: ${attempt.server} → ${attempt.nextHop}`);
    attempt.steps.forEach((step, n) => {
      lines.push(`  ${n + 1}. ${step.title}`);
      for (const detail of step.details) lines.push(`       ${detail}`);
    });
  });
  lines.push('', `Result: ${trace.result}`, '');
  return lines.join('\n');
}
