import type { CliIo } from '../io.js';

const scenarioFile = /\.ya?ml$/i;

/**
 * Expands files and directories into scenario files: a file is taken as given, a directory is
 * walked (sorted, so runs are repeatable) for `.yaml` and `.yml` files. Hidden entries and
 * `node_modules` are skipped.
 */
export function findScenarioFiles(paths: readonly string[], io: CliIo): string[] {
  const found: string[] = [];
  for (const path of paths) walk(path, io, found, true);
  return found;
}

function walk(path: string, io: CliIo, found: string[], given: boolean): void {
  const entries = io.listDir(path);
  if (entries === undefined) {
    if (given || scenarioFile.test(path)) found.push(path);
    return;
  }
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = `${path.replace(/\/+$/, '')}/${entry.name}`;
    if (entry.directory) walk(child, io, found, false);
    else if (scenarioFile.test(entry.name)) found.push(child);
  }
}
