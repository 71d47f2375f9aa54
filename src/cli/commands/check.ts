import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';

/** `egress-sim check`: validates a scenario without running it. */
export function checkCommand(file: string, io: CliIo): number {
  const scenario = readScenario(file, io);
  if (scenario === undefined) return exitCodes.usage;
  io.stdout(`${file}: ok: ${scenario.name} (${scenario.links.length} links, ${scenario.mail.length} mail servers)\n`);
  return exitCodes.ok;
}
