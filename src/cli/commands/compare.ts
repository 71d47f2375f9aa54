import { RunSession } from '../../run/session.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';

/**
 * `egress-sim diff BEFORE AFTER` on a terminal: the compare view, both replays side by side on
 * one clock (BEFORE's seed for both, so the traffic is the same).
 */
export async function compareCommand(beforeFile: string, afterFile: string, seed: number | undefined, io: CliIo): Promise<number> {
  const before = readScenario(beforeFile, io);
  const after = readScenario(afterFile, io);
  if (before === undefined || after === undefined) return exitCodes.usage;
  const shared = seed ?? before.seed;
  // Ink draws no live frames when it believes it runs under CI; this is a real terminal.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  const { startCompare } = await import('../../ui/compare/start-compare.js');
  return startCompare(new RunSession(before, { seed: shared }), new RunSession(after, { seed: shared }), [before.name, after.name]);
}
