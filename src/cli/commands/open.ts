import { type CliIo } from '../io.js';
import { runCommand } from './run.js';

/** Opens the terminal UI on a scenario. Until the UI lands it prints the text report. */
export async function openCommand(file: string, seed: number | undefined, _pauseOnFailure: boolean, io: CliIo): Promise<number> {
  return runCommand(file, 'text', seed, io);
}
