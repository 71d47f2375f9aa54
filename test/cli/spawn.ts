import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built binary; `npm test` builds before it runs the tests. */
export const binary = join(process.cwd(), 'dist/cli/main.js');

/** Runs the built CLI with stdin and stdout piped (not a terminal). */
export function cli(args: readonly string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `text` to a fresh temporary file and returns its path. */
export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'egress-sim-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
