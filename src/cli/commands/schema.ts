import { scenarioJsonSchema } from '../../scenario/schema/index.js';
import { exitCodes, type CliIo } from '../io.js';

/** `egress-sim schema`: prints the scenario JSON Schema, as committed in scenarios/. */
export function schemaCommand(io: CliIo): number {
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return exitCodes.ok;
}
