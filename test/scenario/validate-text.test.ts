import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Diagnostic } from '../../src/scenario/diagnostic.js';
import { formatDiagnostics } from '../../src/scenario/format-diagnostic.js';
import { validateText, type CrossCheckProblem } from '../../src/scenario/validate-text.js';

const Duration = z
  .string()
  .regex(/^\d+[smhd]$/, 'expected a duration like 90s, 10m, 4h or 2d')
  .transform((s) => Number.parseInt(s, 10) * { s: 1, m: 60, h: 3600, d: 86400 }[s.slice(-1) as 's' | 'm' | 'h' | 'd']);
const Link = z.strictObject({ name: z.string(), address: z.string(), weight: z.number().min(1).max(10).default(1) });
const Scenario = z.strictObject({
  name: z.string(),
  duration: Duration,
  links: z.array(Link).min(1),
  firewall: z
    .strictObject({
      load_balancing: z
        .strictObject({ mode: z.enum(['round-robin', 'failover', 'ratio']), members: z.array(z.string()) })
        .optional(),
      policy_routes: z.array(z.strictObject({ name: z.string(), via: z.string() })).default([]),
    })
    .optional(),
  dns: z.record(z.string(), z.strictObject({ PTR: z.string().optional(), A: z.array(z.string()).optional() })).default({}),
});
type Scenario = z.output<typeof Scenario>;

/** Names used by load balancing and policy routes must be defined links. */
function linksExist(s: Scenario): CrossCheckProblem[] {
  const names = new Set(s.links.map((l) => l.name));
  const problems: CrossCheckProblem[] = [];
  s.firewall?.load_balancing?.members.forEach((m, i) => {
    if (!names.has(m)) problems.push({ path: ['firewall', 'load_balancing', 'members', i], message: `no link named "${m}"` });
  });
  s.firewall?.policy_routes.forEach((r, i) => {
    if (!names.has(r.via)) problems.push({ path: ['firewall', 'policy_routes', i, 'via'], message: `no link named "${r.via}"` });
  });
  return problems;
}

function fail(result: ReturnType<typeof validateText>): Diagnostic[] {
  if (result.ok) throw new Error('expected diagnostics');
  return result.diagnostics;
}

const brief = (d: Diagnostic) => `${d.line}:${d.column} ${d.message}`;

const good = [
  'name: BigPond',
  'duration: 4h',
  'links:',
  '  - { name: X1, address: 203.0.113.10 }',
  '  - { name: X2, address: 198.51.100.20, weight: 2 }',
  'firewall:',
  '  load_balancing: { mode: round-robin, members: [X1, X2] }',
  '  policy_routes:',
  '    - { name: relay-via-adsl, via: X1 }',
  'dns:',
  '  203.0.113.10: { PTR: mail.example.com.au }',
  '',
].join('\n');

describe('validateText', () => {
  it('returns the schema output of a valid file', () => {
    const result = validateText(good, 'good.yaml', Scenario, linksExist);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.duration).toBe(14400);
    expect(result.value.links[0]?.weight).toBe(1);
    expect(result.value.dns['203.0.113.10']?.PTR).toBe('mail.example.com.au');
  });

  it('reports every schema problem at once, sorted by position', () => {
    const text = [
      'duration: 4 hours', //                                   1  bad format
      'links:', //                                              2
      '  - { name: X1, adress: 203.0.113.10 }', //              3  misspelt key
      '  - { name: X2, weight: "2" }', //                       4  missing key + wrong type
      'firewall:', //                                           5
      '  load_balancing: { mode: roundrobin, members: [X1] }', // 6  enum typo
      '  polcy_routes: []', //                                  7  unknown key
      'xyzzy: 1', //                                            8  unknown key, nothing close
      '',
    ].join('\n');
    const ds = fail(validateText(text, 's.yaml', Scenario, linksExist));
    expect(ds.map(brief)).toEqual([
      '1:1 missing required key "name"',
      '1:11 expected a duration like 90s, 10m, 4h or 2d',
      '3:17 unknown key "adress"; did you mean "address"?',
      '4:5 missing required key "address"',
      '4:25 expected a number, got the string "2"; write a plain number, without quotes or units',
      '6:27 expected one of: round-robin, failover, ratio; got "roundrobin"; did you mean "round-robin"?',
      '7:3 unknown key "polcy_routes"; did you mean "policy_routes"?',
      '8:1 unknown key "xyzzy"; expected one of: name, duration, links, firewall, dns',
    ]);
    expect(ds.every((d) => d.file === 's.yaml' && d.severity === 'error')).toBe(true);
  });

  it('reports YAML problems alone, all of them', () => {
    const text = 'name: a\nlinks: []\nname: b\nfirewall:\n  mode: x\n bad: 1\n';
    const ds = fail(validateText(text, 's.yaml', Scenario, linksExist));
    expect(ds.map((d) => `${d.line}:${d.column}`)).toEqual(['3:1', '6:1']);
    expect(ds[0]?.message).toMatch(/^duplicate key "name"/);
    expect(ds[1]?.message).toMatch(/^bad indentation/);
  });

  it('reports an unclosed flow mapping at its brace', () => {
    const text = 'name: a\nduration: 1h\nlinks:\n  - { name: X1, address: a\n  - { name: X2, address: b }\n';
    expect(fail(validateText(text, 's.yaml', Scenario)).map((d) => `${d.line}:${d.column}`)).toEqual(['4:5']);
  });

  it('positions cross-check problems once the schema passes', () => {
    const text = good.replace('members: [X1, X2]', 'members: [X1, X3]').replace('via: X1 }', 'via: X9 }');
    const ds = fail(validateText(text, 's.yaml', Scenario, linksExist));
    expect(ds).toEqual([
      { file: 's.yaml', line: 7, column: 54, length: 2, path: ['firewall', 'load_balancing', 'members', 1], message: 'no link named "X3"', severity: 'error' },
      { file: 's.yaml', line: 9, column: 36, length: 2, path: ['firewall', 'policy_routes', 0, 'via'], message: 'no link named "X9"', severity: 'error' },
    ]);
  });

  it('places cross-check problems on a key when asked, and on an ancestor when the path is missing', () => {
    const ds = fail(
      validateText(good, 's.yaml', Scenario, () => [
        { path: ['links', 1, 'name'], message: 'on the key', part: 'key' },
        { path: ['firewall', 'nat'], message: 'missing nat' },
      ]),
    );
    expect(ds.map(brief)).toEqual(['5:7 on the key', '6:1 missing nat']);
  });

  it('does not run cross-checks on an invalid value', () => {
    let ran = false;
    fail(validateText('name: 1\n', 's.yaml', Scenario, () => ((ran = true), [])));
    expect(ran).toBe(false);
  });

  it('formats the result for the terminal', () => {
    const text = good.replace('via: X1 }', 'via: X9 }');
    const out = formatDiagnostics(fail(validateText(text, 'site.yaml', Scenario, linksExist)), text);
    expect(out).toBe(
      [
        'site.yaml:9:36: error: firewall.policy_routes[0].via: no link named "X9"',
        '  9 |     - { name: relay-via-adsl, via: X9 }',
        '    |                                    ^^',
        '1 error in site.yaml',
        '',
      ].join('\n'),
    );
  });

  it('rejects an empty file and a document that is not a mapping', () => {
    expect(fail(validateText('', 's.yaml', Scenario)).map(brief)).toEqual([
      '1:1 the scenario is empty; it should be a mapping such as "name: my scenario"',
    ]);
    expect(fail(validateText('- a\n- b\n', 's.yaml', Scenario)).map(brief)).toEqual([
      '1:1 expected a mapping (key: value), got a list; write "key: value" lines indented below, or { key: value }',
    ]);
  });
});

describe('validateText on arbitrary input', () => {
  const fragments = fc.constantFrom(
    'name: x', 'duration: 4h', 'links:', '  - { name: X1, address: a }', '  - name: X2', '    address: b', '- ', '  ',
    ':', '{', '}', '[', ']', ',', '"', "'", '&a ', '*a', '! ', '? ', '---', '...', '#', '\t', '\n', '\r\n', '<<: *a', 'dns:',
    '  1.2.3.4: { PTR: p }', 'firewall: { load_balancing: { mode: ratio, members: [X1] } }', '%YAML 1.2', '|', '>-', '~',
  );
  const yamlish = fc.array(fragments, { maxLength: 30 }).map((parts) => parts.join(''));
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish, fc.string({ unit: 'grapheme-ascii', maxLength: 200 }));

  it('never throws: it returns a value or positioned diagnostics', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = validateText(text, 'fuzz.yaml', Scenario, linksExist);
        if (result.ok) return;
        expect(result.diagnostics.length).toBeGreaterThan(0);
        for (const d of result.diagnostics) {
          expect(d.file).toBe('fuzz.yaml');
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
        expect(formatDiagnostics(result.diagnostics, text)).toContain('fuzz.yaml:');
      }),
      { numRuns: 500 },
    );
  });
});
