import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFile } from './spawn.js';

const story = 'scenarios/bigpond/03-smarthost-workaround.yaml';
const valid = readFileSync('scenarios/bigpond/01-single-wan.yaml', 'utf8');

describe('egress-sim run', () => {
  it('prints the text report and exits 0 when the expectations hold', () => {
    const result = cli(['run', story]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('BigPond story 3');
    expect(result.stdout).toMatch(/X1\s+203\.0\.113\.10\s+mail\.example\.com\.au/);
    expect(result.stderr).toBe('');
  });

  it('prints JSON and Markdown, byte-identical for the same seed', () => {
    const first = cli(['run', story, '--format', 'json', '--seed', '11']);
    const second = cli(['run', story, '--format', 'json', '--seed', '11']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).scenario.seed).toBe(11);
    expect(second.stdout).toBe(first.stdout);
    expect(cli(['run', story, '--format', 'markdown']).stdout).toMatch(/^# BigPond story 3/);
  });

  it('exits 1 and names the expectation when one fails', () => {
    const file = tempFile('expect.yaml', valid.replace('- { all_delivered: true }', '- { all_delivered: true }\n  - { queue_peak: { server: mailmarshal, at_least: 1000 } }'));
    const result = cli(['run', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expectation failed: queue peak of mailmarshal at least 1000');
  });

  it('without a terminal, `egress-sim SCENARIO` prints the text report', () => {
    const result = cli([story]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Links');
  });
});

describe('egress-sim check and bad input', () => {
  it('accepts every bundled scenario (02 and 03 carry lint errors: exit 1, never 2)', () => {
    for (const name of ['01-single-wan', '02-load-balanced', '03-smarthost-workaround', '04-policy-route-fix']) {
      expect(cli(['check', `scenarios/bigpond/${name}.yaml`]).code).not.toBe(2);
    }
  });

  it('reports a YAML syntax error at its line and column, exit 2, no stack trace', () => {
    const file = tempFile('syntax.yaml', 'name: x\nlinks: [\n  { name: X1 }\n');
    const result = cli(['check', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:2:8: error: `, 'm'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an unknown key with a suggestion, the source line and a caret', () => {
    const file = tempFile('unknown.yaml', valid.replace('  - { name: X1, description', '  - { nmae: X1, description'));
    const result = cli(['check', file]);
    expect(result.code).toBe(2);
    const line = valid.split('\n').findIndex((l) => l.startsWith('  - { name: X1')) + 1;
    expect(result.stderr).toContain(`${file}:${line}:7: error: links[0]: unknown key "nmae"; did you mean "name"?`);
    expect(result.stderr).toContain('  - { nmae: X1');
    expect(result.stderr).toMatch(/\|\s{7}\^\^\^\^\n/);
  });

  it('reports a dangling reference with the closest name', () => {
    const file = tempFile('dangling.yaml', valid.replace('members: [X1]', 'members: [X9]'));
    const result = cli(['check', file]);
    const line = valid.split('\n').findIndex((l) => l.includes('members: [X1]')) + 1;
    const column = valid.split('\n')[line - 1]!.indexOf('X1') + 1;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:${line}:${column}: error: firewall.load_balancing.members[0].link: no link named "X9"; did you mean "X1"?`);
  });

  it('reports a wrong type at the value', () => {
    const file = tempFile('type.yaml', valid.replace('uplink_kbps: 1024', 'uplink_kbps: fast'));
    const result = cli(['check', file]);
    const line = valid.split('\n').findIndex((l) => l.includes('uplink_kbps: 1024')) + 1;
    const column = valid.split('\n')[line - 1]!.indexOf('1024') + 1;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:${line}:${column}: error: links[0].uplink_kbps: expected a number`);
  });

  it('reports every problem at once, sorted by position', () => {
    const file = tempFile('many.yaml', valid.replace('uplink_kbps: 1024', 'uplink_kbps: fast').replace('mode: failover', 'mode: failovr').replace('duration: 4h', 'duration: 4 hours'));
    const result = cli(['check', file]);
    const positions = [...result.stderr.matchAll(/^.*?:(\d+):(\d+): error:/gm)].map((m) => Number(m[1]) * 1000 + Number(m[2]));
    expect(positions).toHaveLength(3);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(result.stderr).toContain('did you mean "failover"?');
    expect(result.stderr).toMatch(/3 errors in /);
  });

  it('says so when the file cannot be read', () => {
    const result = cli(['check', `${dirname(tempFile('x', ''))}/missing.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read the scenario: no such file');
  });

  it('rejects bad arguments with exit 2', () => {
    for (const args of [['run'], ['run', story, '--format', 'xml'], ['run', story, '--seed', 'abc'], ['check', 'a.yaml', 'b.yaml'], ['run', story, '--bogus']]) {
      const result = cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^egress-sim: error: /);
    }
  });

  it('prints help and the schema', () => {
    expect(cli(['--help']).stdout).toContain('egress-sim run SCENARIO');
    const schema = JSON.parse(cli(['schema']).stdout);
    expect(schema.properties.links.type).toBe('array');
  });
});
