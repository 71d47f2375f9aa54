import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Diagnostic } from '../../src/scenario/diagnostic.js';
import { parseYamlSource } from '../../src/scenario/yaml-source.js';
import { closestMatch, editDistance, zodIssuesToDiagnostics } from '../../src/scenario/zod-diagnostics.js';

function check(schema: z.core.$ZodType, text: string, reportInput = true): Diagnostic[] {
  const source = parseYamlSource(text, 's.yaml');
  if (!source.ok) throw new Error(source.diagnostics.map((d) => d.message).join('; '));
  const parsed = z.safeParse(schema, source.value, { reportInput });
  if (parsed.success) return [];
  return zodIssuesToDiagnostics(parsed.error.issues, schema, source.locate, 's.yaml');
}

/** `line:column path: message`, the parts of a diagnostic the tests pin down. */
function brief(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.path.join('.')}: ${d.message}`;
}

const Link = z.strictObject({ name: z.string(), address: z.string(), weight: z.number().int().min(1).max(10).optional() });
const Balancing = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('round-robin'), members: z.array(z.string()).min(1) }),
  z.strictObject({ mode: z.literal('failover'), members: z.array(z.string()), preempt: z.boolean().default(true) }),
]);
const Scenario = z.strictObject({
  name: z.string(),
  duration: z.string().regex(/^\d+[smhd]$/, 'expected a duration like 90s, 10m, 4h or 2d').optional(),
  links: z.array(Link).optional(),
  firewall: z.strictObject({ load_balancing: Balancing.optional(), mode: z.enum(['round-robin', 'failover', 'ratio']).optional() }).optional(),
  dns: z.record(z.string().regex(/^[a-z0-9.]+$/, 'lower-case names and addresses only'), z.strictObject({ PTR: z.string().optional() })).optional(),
});

describe('closestMatch', () => {
  it('finds likely misspellings', () => {
    expect(closestMatch('fwall', ['name', 'firewall', 'links'])).toBe('firewall');
    expect(closestMatch('adress', ['name', 'address'])).toBe('address');
    expect(closestMatch('nmae', ['name', 'address'])).toBe('name');
    expect(closestMatch('Links', ['name', 'links'])).toBe('links');
    expect(closestMatch('roundrobin', ['round-robin', 'failover', 'ratio'])).toBe('round-robin');
  });

  it('does not guess for short or distant words', () => {
    expect(closestMatch('x', ['a', 'b', 'c'])).toBeUndefined();
    expect(closestMatch('zzz', ['name', 'via'])).toBeUndefined();
    expect(closestMatch('totally', ['name', 'links'])).toBeUndefined();
  });

  it('prefers the closest, then the first', () => {
    expect(closestMatch('mode', ['node', 'mode1'])).toBe('node');
    expect(closestMatch('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('counts a swap as one edit', () => {
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('unknown keys', () => {
  it('suggests the intended key in a flow mapping inside a sequence, on the key itself', () => {
    const ds = check(Scenario, 'name: x\nlinks:\n  - { name: X1, address: a }\n  - { name: X2, adress: b }\n');
    expect(ds).toHaveLength(1);
    const unknown = ds[0];
    expect(unknown).toMatchObject({ file: 's.yaml', line: 4, column: 17, length: 6, path: ['links', 1], severity: 'error' });
    expect(unknown?.message).toBe('unknown key "adress"; did you mean "address"?');
  });

  it('lists the allowed keys when nothing is close', () => {
    const ds = check(Scenario, 'name: x\nzzz: 1\n');
    expect(ds.map(brief)).toEqual(['2:1 : unknown key "zzz"; expected one of: name, duration, links, firewall, dns']);
  });

  it('reports each unknown key separately', () => {
    const ds = check(Scenario, 'name: x\nfwall: {}\nlnks: []\n');
    expect(ds.map(brief)).toEqual(['2:1 : unknown key "fwall"; did you mean "firewall"?', '3:1 : unknown key "lnks"; did you mean "links"?']);
  });

  it('does not also report as missing the key a misspelling stands for', () => {
    const ds = check(Scenario, 'nmae: x\nlinks:\n  - { name: X1, adress: a }\n  - { name: X2, adres: b, wieght: 2 }\n');
    expect(ds.map(brief)).toEqual([
      '3:17 links.0: unknown key "adress"; did you mean "address"?',
      '4:17 links.1: unknown key "adres"; did you mean "address"?',
      '4:27 links.1: unknown key "wieght"; did you mean "weight"?',
      '1:1 : unknown key "nmae"; did you mean "name"?',
    ]);
  });

  it('does not suggest a key that is already there', () => {
    const ds = check(z.strictObject({ name: z.string() }), 'name: a\nnmae: b\n');
    expect(ds.map(brief)).toEqual(['2:1 : unknown key "nmae"; expected one of: name']);
  });

  it('uses the keys of the discriminated-union option the data chose', () => {
    const ds = check(Scenario, 'name: x\nfirewall:\n  load_balancing: { mode: failover, members: [X1], preemp: false }\n');
    expect(ds.map(brief)).toEqual(['3:52 firewall.load_balancing: unknown key "preemp"; did you mean "preempt"?']);
  });
});

describe('types and missing keys', () => {
  it('says what was expected and what was written', () => {
    const ds = check(Scenario, 'name: 42\nlinks: { name: X1 }\n');
    expect(ds.map(brief)).toEqual([
      '1:7 name: expected a string, got the number 42; write it in quotes',
      '2:8 links: expected a list, got a mapping; write items as "- item" lines or [a, b]',
    ]);
  });

  it('shows an empty value at its key', () => {
    const ds = check(Scenario, 'name:\n');
    expect(ds.map(brief)).toEqual(['1:1 name: expected a string, got an empty value']);
  });

  it('reports a missing required key at the mapping that lacks it', () => {
    const ds = check(Scenario, 'links:\n  - name: X1\n    weight: 2\n');
    expect(ds.map(brief)).toEqual(['1:1 : missing required key "name"', '2:5 links.0: missing required key "address"']);
  });

  it('describes whole numbers', () => {
    const ds = check(Scenario, 'name: x\nlinks:\n  - { name: X1, address: a, weight: 1.5 }\n');
    expect(ds.map(brief)).toEqual(['3:37 links.0.weight: expected a whole number, got the number 1.5']);
  });

  it('still works when zod did not report the input', () => {
    const ds = check(Scenario, 'name: 42\n', false);
    expect(ds.map(brief)).toEqual(['1:7 name: expected a string, got a number']);
  });

  it('keeps a schema author’s own message', () => {
    const ds = check(z.strictObject({ name: z.string({ error: 'the name must be text' }) }), 'name: [a]\n');
    expect(ds.map(brief)).toEqual(['1:7 name: the name must be text']);
  });
});

describe('values', () => {
  it('suggests the intended enum value', () => {
    const ds = check(Scenario, 'name: x\nfirewall:\n  mode: roundrobin\n');
    expect(ds.map(brief)).toEqual([
      '3:9 firewall.mode: expected one of: round-robin, failover, ratio; got "roundrobin"; did you mean "round-robin"?',
    ]);
  });

  it('lists enum values when nothing is close', () => {
    const ds = check(Scenario, 'name: x\nfirewall: { mode: 7 }\n');
    expect(ds.map(brief)).toEqual(['2:19 firewall.mode: expected one of: round-robin, failover, ratio; got 7']);
  });

  it('explains a literal', () => {
    const ds = check(z.strictObject({ version: z.literal(1) }), 'version: 2\n');
    expect(ds.map(brief)).toEqual(['1:10 version: expected 1; got 2']);
  });

  it('explains sizes and ranges', () => {
    const schema = z.strictObject({
      members: z.array(z.string()).min(1).optional(),
      pair: z.array(z.number()).length(2).optional(),
      tag: z.string().min(1).optional(),
      code: z.string().max(3).optional(),
      ratio: z.number().gt(0).optional(),
      weight: z.number().max(10).optional(),
      step: z.number().multipleOf(5).optional(),
    });
    const ds = check(schema, 'members: []\npair: [1, 2, 3]\ntag: ""\ncode: abcd\nratio: 0\nweight: 11\nstep: 7\n');
    expect(ds.map(brief)).toEqual([
      '1:10 members: needs at least 1 item; the list is empty',
      '2:7 pair: needs exactly 2 items, got 3',
      '3:6 tag: must not be empty',
      '4:7 code: must be at most 3 characters long',
      '5:8 ratio: must be greater than 0, got 0',
      '6:9 weight: must be at most 10, got 11',
      '7:7 step: must be a multiple of 5',
    ]);
  });

  it('keeps a custom regex message and explains stock formats', () => {
    const schema = z.strictObject({
      duration: z.string().regex(/^\d+[smhd]$/, 'expected a duration like 90s, 10m, 4h or 2d'),
      plain: z.string().regex(/^[a-z]+$/),
      address: z.ipv4(),
    });
    const ds = check(schema, 'duration: 5 min\nplain: ABC\naddress: 300.1.1.1\n');
    expect(ds.map(brief)).toEqual([
      '1:11 duration: expected a duration like 90s, 10m, 4h or 2d',
      '2:8 plain: does not have the expected form (/^[a-z]+$/), got "ABC"',
      '3:10 address: expected an IPv4 address like 203.0.113.10, got "300.1.1.1"',
    ]);
  });

  it('keeps messages from refine, superRefine and transform issues at their paths', () => {
    const schema = z
      .strictObject({
        start: z.number(),
        end: z.number(),
        size: z.string().transform((s, ctx) => {
          const n = Number.parseInt(s, 10);
          if (Number.isNaN(n)) ctx.addIssue({ code: 'custom', message: 'expected a size like 20k or 1.5M' });
          return n;
        }),
        name: z.string().refine((s) => s.trim() === s, 'remove the spaces around the name'),
      })
      .superRefine((v, ctx) => {
        if (v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must not be before start' });
      });
    const ds = check(schema, 'start: 5\nend: 1\nsize: big\nname: " x"\n');
    expect(ds.map(brief)).toEqual(['3:7 size: expected a size like 20k or 1.5M', '4:7 name: remove the spaces around the name']);
    expect(check(schema, 'start: 5\nend: 1\nsize: "2"\nname: x\n').map(brief)).toEqual(['2:6 end: end must not be before start']);
  });

  it('puts a bad record key on the key', () => {
    const ds = check(Scenario, 'name: x\ndns:\n  Mail.Example: { PTR: a }\n');
    expect(ds.map(brief)).toEqual(['3:3 dns: key "Mail.Example" is not valid: lower-case names and addresses only']);
  });
});

describe('unions', () => {
  it('merges alternatives that are plain types', () => {
    const ds = check(z.strictObject({ port: z.union([z.number(), z.string()]) }), 'port: [25]\n');
    expect(ds.map(brief)).toEqual(['1:7 port: expected a number or a string, got a list']);
  });

  it('reports the problems of the alternative that fits best', () => {
    const schema = z.strictObject({ target: z.union([z.strictObject({ host: z.string() }), z.strictObject({ ip: z.string(), port: z.number() })]) });
    expect(check(schema, 'target: { hots: x }\n').map(brief)).toEqual(['1:11 target: unknown key "hots"; did you mean "host"?']);
    expect(check(schema, 'target: { ip: x }\n').map(brief)).toEqual(['1:9 target: missing required key "port"']);
    const nested = z.strictObject({ v: z.union([z.string(), z.strictObject({ n: z.number() })]) });
    expect(check(nested, 'v: { n: x }\n').map(brief)).toEqual(['1:9 v.n: expected a number, got the string "x"; write a plain number, without quotes or units']);
  });

  it('explains a wrong or missing discriminator', () => {
    expect(check(Scenario, 'name: x\nfirewall:\n  load_balancing: { mode: roundrobin, members: [] }\n').map(brief)).toEqual([
      '3:27 firewall.load_balancing.mode: expected one of: round-robin, failover; got "roundrobin"; did you mean "round-robin"?',
    ]);
    expect(check(Scenario, 'name: x\nfirewall:\n  load_balancing:\n    members: [X1]\n').map(brief)).toEqual([
      '3:3 firewall.load_balancing: missing required key "mode" (one of: round-robin, failover)',
    ]);
  });

  it('checks the chosen discriminated-union option', () => {
    expect(check(Scenario, 'name: x\nfirewall:\n  load_balancing: { mode: round-robin, members: [] }\n').map(brief)).toEqual([
      '3:49 firewall.load_balancing.members: needs at least 1 item; the list is empty',
    ]);
  });

  it('keeps a custom union message', () => {
    const schema = z.strictObject({ v: z.union([z.number(), z.boolean()], { error: 'expected a number or yes/no' }) });
    expect(check(schema, 'v: text\n').map(brief)).toEqual(['1:4 v: expected a number or yes/no']);
  });
});
