import { diffScenarios, formatDiff } from '../../run/diff/index.js';
import type { ReportFormat } from '../../run/format/index.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';

/**
 * `egress-sim diff BEFORE AFTER`: the same traffic through both scenarios, and what changes.
 * Exit 0, or 1 with `--fail-on-regression` when any message is worse after.
 */
export function diffCommand(beforeFile: string, afterFile: string, format: ReportFormat, seed: number | undefined, failOnRegression: boolean, io: CliIo): number {
  const before = readScenario(beforeFile, io);
  const after = readScenario(afterFile, io);
  if (before === undefined || after === undefined) return exitCodes.usage;
  const diff = diffScenarios(before, after, seed ?? before.seed);
  io.stdout(formatDiff(diff, format));
  if (failOnRegression && diff.worse > 0) {
    io.stderr(`${afterFile}: regression: ${diff.worse} message${diff.worse === 1 ? ' is' : 's are'} worse than in ${beforeFile}\n`);
    return exitCodes.failed;
  }
  return exitCodes.ok;
}
