import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/schema/index.js';

describe('scenarios/scenario.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing the schema)', () => {
    const committed = readFileSync('scenarios/scenario.schema.json', 'utf8');
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  it('is named by the yaml-language-server comment on the first line of every scenario', () => {
    const files = readdirSync('scenarios', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const depth = file.split('/').length - 1;
      const first = readFileSync(join('scenarios', file), 'utf8').split('\n')[0];
      expect(first, file).toBe(`# yaml-language-server: $schema=${'../'.repeat(depth)}scenario.schema.json`);
    }
  });
});
