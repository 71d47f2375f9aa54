import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('not on a terminal', () => {
  it('egress-sim SCENARIO prints the text report when stdout is piped', () => {
    const result = spawnSync(process.execPath, ['dist/cli/main.js', 'scenarios/bigpond/03-smarthost-workaround.yaml'], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('BigPond story 3');
    expect(result.stdout).toMatch(/^Links$/m);
    expect(result.stdout).toMatch(/^Queues$/m);
    expect(result.stdout).not.toContain('\u001b[?1049h');
  });
});
