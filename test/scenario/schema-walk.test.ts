import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { knownKeysAt } from '../../src/scenario/schema-walk.js';

const Route = z.strictObject({ name: z.string(), via: z.string(), match: z.strictObject({ destination: z.string() }).optional() });
const Balancing = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('round-robin'), members: z.array(z.string()) }),
  z.strictObject({ mode: z.literal('failover'), members: z.array(z.string()), preempt: z.boolean().default(true) }),
]);
type Tree = { label: string; children?: Tree[] };
const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.strictObject({ label: z.string(), children: z.array(TreeSchema).optional() }));

const Schema = z.strictObject({
  name: z.string(),
  duration: z.string().regex(/^\d+[smhd]$/).transform((s) => s.length),
  firewall: z
    .strictObject({ policy_routes: z.array(Route).default([]), load_balancing: Balancing.optional() })
    .readonly()
    .optional(),
  dns: z.record(z.string(), z.strictObject({ A: z.array(z.string()).optional(), PTR: z.string().optional() })).nullable(),
  target: z.union([z.strictObject({ host: z.string() }), z.strictObject({ ip: z.string(), port: z.number() })]).optional(),
  shares: z.record(z.enum(['postfix-default', 'postfix-strict']), z.number()).optional(),
  pair: z.tuple([z.strictObject({ left: z.number() }), z.strictObject({ right: z.number() })]).optional(),
  pre: z.preprocess((v) => v, z.strictObject({ inner: z.number() })).optional(),
  safe: z.strictObject({ fallback: z.number() }).catch({ fallback: 0 }),
  tree: TreeSchema.optional(),
  both: z.intersection(z.object({ a: z.number() }), z.object({ b: z.number() })).optional(),
});

describe('knownKeysAt', () => {
  it('lists the root object keys in schema order', () => {
    expect(knownKeysAt(Schema, [])).toEqual([
      'name', 'duration', 'firewall', 'dns', 'target', 'shares', 'pair', 'pre', 'safe', 'tree', 'both',
    ]);
  });

  it('sees through optional, readonly and default wrappers', () => {
    expect(knownKeysAt(Schema, ['firewall'])).toEqual(['policy_routes', 'load_balancing']);
  });

  it('follows array elements and nested objects', () => {
    expect(knownKeysAt(Schema, ['firewall', 'policy_routes', 0])).toEqual(['name', 'via', 'match']);
    expect(knownKeysAt(Schema, ['firewall', 'policy_routes', 3, 'match'])).toEqual(['destination']);
  });

  it('follows record values, whatever the key', () => {
    expect(knownKeysAt(Schema, ['dns', '203.0.113.10'])).toEqual(['A', 'PTR']);
  });

  it('lists the enum keys of a record keyed by an enum', () => {
    expect(knownKeysAt(Schema, ['shares'])).toEqual(['postfix-default', 'postfix-strict']);
  });

  it('merges the keys of every union option', () => {
    expect(knownKeysAt(Schema, ['target'])).toEqual(['host', 'ip', 'port']);
    expect(knownKeysAt(Schema, ['firewall', 'load_balancing'])).toEqual(['mode', 'members', 'preempt']);
  });

  it('picks the discriminated-union option the data names', () => {
    expect(knownKeysAt(Schema, ['firewall', 'load_balancing'], { mode: 'round-robin' })).toEqual(['mode', 'members']);
    expect(knownKeysAt(Schema, ['firewall', 'load_balancing'], { mode: 'failover' })).toEqual(['mode', 'members', 'preempt']);
    expect(knownKeysAt(Schema, ['firewall', 'load_balancing'], { mode: 'nonsense' })).toEqual(['mode', 'members', 'preempt']);
  });

  it('indexes tuple items', () => {
    expect(knownKeysAt(Schema, ['pair', 0])).toEqual(['left']);
    expect(knownKeysAt(Schema, ['pair', 1])).toEqual(['right']);
  });

  it('reads the object behind a preprocess pipe and a catch', () => {
    expect(knownKeysAt(Schema, ['pre'])).toEqual(['inner']);
    expect(knownKeysAt(Schema, ['safe'])).toEqual(['fallback']);
  });

  it('follows lazy, recursive schemas', () => {
    expect(knownKeysAt(Schema, ['tree', 'children', 0, 'children', 2])).toEqual(['label', 'children']);
  });

  it('merges both sides of an intersection', () => {
    expect(knownKeysAt(Schema, ['both'])).toEqual(['a', 'b']);
  });

  it('returns nothing where the path leaves the schema or reaches a non-object', () => {
    expect(knownKeysAt(Schema, ['nope'])).toEqual([]);
    expect(knownKeysAt(Schema, ['name'])).toEqual([]);
    expect(knownKeysAt(Schema, ['duration'])).toEqual([]);
    expect(knownKeysAt(Schema, ['firewall', 'policy_routes', 'x'])).toEqual([]);
  });
});
