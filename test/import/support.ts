import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lines of a sample log under test/import/fixtures, without line breaks. */
export function fixtureLines(name: string): string[] {
  const text = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
  return text.split(/\r?\n/).slice(0, text.endsWith('\n') ? -1 : undefined);
}

/** Sydney summer time, the offset of the samples' classic stamps. */
export const aedt = 660;
