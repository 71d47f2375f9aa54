import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

const forbiddenInPure = /^(node:|fs$|path$|os$|child_process$|ink($|\/)|react($|\/)|yaml$)/;
const layer = (file: string): string => file.split('/')[1]!;

describe('layers (DESIGN.md): core ← model ← run ← {ui, cli}', () => {
  for (const dir of ['src/core', 'src/model', 'src/import']) {
    it(`${dir} imports no node built-ins, ink, react or yaml`, () => {
      for (const file of sources(dir)) {
        for (const spec of imports(file)) expect(forbiddenInPure.test(spec), `${file} imports ${spec}`).toBe(false);
      }
    });
  }

  it('arrows point one way', () => {
    const allowed: Record<string, string[]> = {
      core: ['core'],
      model: ['core', 'model'],
      scenario: ['scenario', 'model'],
      import: ['model', 'import'],
      run: ['core', 'model', 'scenario', 'import', 'run'],
      lint: ['model', 'scenario', 'run', 'lint'],
      advise: ['model', 'scenario', 'run', 'lint', 'advise'],
      ui: ['run', 'scenario', 'ui'],
      cli: ['run', 'scenario', 'ui', 'lint', 'advise', 'import', 'cli'],
    };
    for (const file of sources('src')) {
      const from = layer(file);
      for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
        const target = join(file, '..', spec).split('/')[1]!;
        expect(allowed[from]!.includes(target), `${file} (${from}) imports ${spec} (${target})`).toBe(true);
      }
    }
  });
});
