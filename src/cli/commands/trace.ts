import { formatTrace, traceScenario, type TraceRequest } from '../../run/trace/index.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';

/** `egress-sim trace`: each attempt of one message (or a hypothetical one) as numbered steps. */
export function traceCommand(file: string, target: TraceRequest, seed: number | undefined, io: CliIo): number {
  const scenario = readScenario(file, io);
  if (scenario === undefined) return exitCodes.usage;
  const result = traceScenario(scenario, target, seed ?? scenario.seed);
  if (!result.ok) {
    io.stderr(`egress-sim: error: ${result.error}\n`);
    return exitCodes.usage;
  }
  io.stdout(formatTrace(result.trace));
  return exitCodes.ok;
}
