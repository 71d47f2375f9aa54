import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFile } from './spawn.js';

const s = (name: string) => `scenarios/bigpond/${name}.yaml`;

describe('egress-sim check (lint)', () => {
  it('never exits 2 on the story; 01 and 04 are clean, 02 and 03 have lint errors (exit 1)', () => {
    expect(cli(['check', s('01-single-wan')]).code).toBe(0);
    expect(cli(['check', s('04-policy-route-fix')]).code).toBe(0);
    const broken = cli(['check', s('02-load-balanced')]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^scenarios\/bigpond\/02-load-balanced\.yaml:24:60: error: links\[1\]\.address: .*no PTR record.*\[smtp-link-no-ptr\]$/m);
    expect(broken.stdout).toMatch(/^ {2}fix: /m);
    expect(broken.stdout).toContain('lint failed');
    expect(cli(['check', s('03-smarthost-workaround')]).code).toBe(1);
  });
});

describe('egress-sim test', () => {
  it('runs a directory, prints PASS lines with the measured value, writes JUnit, exits 0', () => {
    const junit = join(dirname(tempFile('x', '')), 'junit.xml');
    const result = cli(['test', 'scenarios/bigpond', '--junit', junit]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}PASS {2}every message delivered {2}\(\d+ of \d+ delivered\)$/m);
    expect(result.stdout).toMatch(/4 scenarios: \d+ passed, 0 failed/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="egress-sim" tests="\d+" failures="0" errors="0">/);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
  });

  it('exits 1 with a FAIL line and a JUnit failure when an expectation fails', () => {
    const text = readFileSync(s('01-single-wan'), 'utf8').replace('- { all_delivered: true }', '- { all_delivered: true }\n  - { queue_peak: { server: mailmarshal, at_most: 0 } }');
    const file = tempFile('fails.yaml', text);
    const junit = join(dirname(file), 'out.xml');
    const result = cli(['test', file, '--junit', junit]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}queue peak of mailmarshal at most 0 {2}\(peak \d+\)/);
    expect(readFileSync(junit, 'utf8')).toContain('<failure message="measured: peak');
  });

  it('exits 2 for an invalid scenario (the others still run) and for a path with no scenarios', () => {
    const dir = dirname(tempFile('x', ''));
    mkdirSync(join(dir, 'set'));
    writeFileSync(join(dir, 'set', 'good.yaml'), readFileSync(s('01-single-wan'), 'utf8'));
    writeFileSync(join(dir, 'set', 'bad.yml'), 'name: x\n');
    writeFileSync(join(dir, 'set', 'notes.txt'), 'not a scenario');
    const result = cli(['test', join(dir, 'set')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('PASS  every message delivered');
    expect(result.stdout).toContain('ERROR');
    expect(result.stderr).toMatch(/bad\.yml:1:1: error/);
    mkdirSync(join(dir, 'empty'));
    expect(cli(['test', join(dir, 'empty')]).code).toBe(2);
  });
});

describe('egress-sim diff', () => {
  it('prints the changes and exits 0; --fail-on-regression exits 1 only when something is worse', () => {
    const fix = cli(['diff', s('02-load-balanced'), s('04-policy-route-fix'), '--fail-on-regression']);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toMatch(/messages changed: 0 worse, \d+ better/);
    const undo = cli(['diff', s('04-policy-route-fix'), s('02-load-balanced'), '--fail-on-regression']);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toMatch(/regression: \d+ messages are worse/);
    expect(cli(['diff', s('04-policy-route-fix'), s('02-load-balanced')]).code).toBe(0);
  });

  it('speaks JSON and Markdown, the same bytes for the same seed', () => {
    const first = cli(['diff', s('02-load-balanced'), s('04-policy-route-fix'), '--format', 'json', '--seed', '7']);
    const again = cli(['diff', s('02-load-balanced'), s('04-policy-route-fix'), '--format', 'json', '--seed', '7']);
    expect(JSON.parse(first.stdout).seed).toBe(7);
    expect(again.stdout).toBe(first.stdout);
    expect(cli(['diff', s('02-load-balanced'), s('04-policy-route-fix'), '--format', 'markdown']).stdout).toMatch(/^# Diff: /);
  });
});

describe('egress-sim trace', () => {
  it('traces a message and a hypothetical one as numbered steps', () => {
    const known = cli(['trace', s('02-load-balanced'), 'm00008']);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^ {2}2\. route: via X[12] \(load-balancing:round-robin\)$/m);
    const what = cli(['trace', s('04-policy-route-fix'), '--at', '1h', '--from', 'a@example.com.au', '--to', 'b@example.org']);
    expect(what.code).toBe(0);
    expect(what.stdout).toContain('policy route smtp-via-adsl: match');
  });

  it('exits 2 for an unknown message', () => {
    const result = cli(['trace', s('02-load-balanced'), 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no message "nope"');
  });
});

describe('egress-sim advise', () => {
  it('prints ranked changes and writes the best one, which delivers every message', () => {
    const out = join(dirname(tempFile('x', '')), 'fixed.yaml');
    const result = cli(['advise', s('03-smarthost-workaround'), '--top', '1', '--write', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1\. .*\n {3}delivers every message$/m);
    expect(existsSync(out)).toBe(true);
    const run = cli(['run', out, '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.totals.delivered).toBe(report.totals.messages);
  });
});

describe('bad arguments for the workflow commands exit 2', () => {
  const cases: string[][] = [
    ['test'],
    ['diff', s('01-single-wan')],
    ['diff', s('01-single-wan'), s('02-load-balanced'), '--format', 'xml'],
    ['trace', s('01-single-wan')],
    ['trace', s('01-single-wan'), 'm1', '--at', '1h'],
    ['trace', s('01-single-wan'), '--at', '1h', '--from', 'a@example.com'],
    ['advise', s('01-single-wan'), '--top', '0'],
    ['run', s('01-single-wan'), '--junit', 'x.xml'],
    ['check', s('01-single-wan'), '--fail-on-regression'],
    ['diff', s('01-single-wan'), 'missing.yaml'],
  ];
  for (const args of cases) {
    it(args.join(' '), () => {
      const result = cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
