import { adviseScenario, formatAdvice } from '../../advise/index.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';

/**
 * `egress-sim advise`: tries candidate changes on the same traffic and prints the best `top` with
 * the exact YAML change; `--write FILE` writes the scenario with the best one applied.
 */
export function adviseCommand(file: string, top: number, write: string | undefined, seed: number | undefined, io: CliIo): number {
  const scenario = readScenario(file, io);
  if (scenario === undefined) return exitCodes.usage;
  const advice = adviseScenario(io.readFile(file), file, scenario, seed ?? scenario.seed);
  io.stdout(formatAdvice(advice, top));
  const best = advice.ranked[0];
  if (write === undefined) return exitCodes.ok;
  if (best === undefined) {
    io.stderr(`egress-sim: error: no change to write: none could be tried on ${file}\n`);
    return exitCodes.failed;
  }
  try {
    io.writeFile(write, best.text);
  } catch (error) {
    io.stderr(`${write}: error: cannot write the changed scenario: ${(error as Error).message}\n`);
    return exitCodes.usage;
  }
  io.stderr(`wrote ${write}: ${best.candidate.title}\n`);
  return exitCodes.ok;
}
