import { formatDiagnostics } from '../scenario/format-diagnostic.js';
import { loadScenarioText } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/schema/index.js';
import type { CliIo } from './io.js';
import { readScenarioTraffic } from './scenario-traffic.js';

/**
 * Reads and validates a scenario file. On any problem it prints every diagnostic to stderr and
 * returns undefined; the caller exits 2.
 */
export function readScenario(file: string, io: CliIo): Scenario | undefined {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: error: cannot read the scenario: ${describeIoError(error)}\n`);
    return undefined;
  }
  const result = loadScenarioText(text, file);
  // A scenario that imports a log is usable only once the log is read (problems reported there).
  if (result.ok) return readScenarioTraffic(file, result.scenario, io).ok ? result.scenario : undefined;
  io.stderr(`${formatDiagnostics(result.diagnostics, text)}\n`);
  return undefined;
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file; check the path';
  if (code === 'EISDIR') return 'it is a directory; give a .yaml file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
