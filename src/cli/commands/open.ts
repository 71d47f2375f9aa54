import { RunSession } from '../../run/session.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';

/**
 * Opens the terminal UI on a scenario. cli.ts calls this only when stdin and stdout are both
 * terminals; elsewhere it prints the text report, as `run` does.
 */
export async function openCommand(file: string, seed: number | undefined, pauseOnFailure: boolean, io: CliIo): Promise<number> {
  const scenario = readScenario(file, io);
  if (scenario === undefined) return exitCodes.usage;
  // Ink draws no live frames when it believes it runs under CI (it reads CI when first loaded).
  // We are on a real terminal here, so the frames must be drawn: drop the hint before loading it.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  // React's development build checks and profiles every render, several times slower per frame.
  process.env['NODE_ENV'] ??= 'production';
  const { startTui } = await import('../../ui/start-tui.js');
  return startTui({ createSession: () => new RunSession(scenario, { seed }), pauseOnFailure });
}
