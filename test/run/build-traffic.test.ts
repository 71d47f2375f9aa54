import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatorConfig } from '../../src/run/build-traffic.js';
import { buildWorldConfig } from '../../src/run/build-world.js';
import { attachImportedTraffic } from '../../src/run/imported-traffic.js';
import { scenarioSchema } from '../../src/scenario/schema/index.js';

const story = parse(readFileSync('scenarios/bigpond/01-single-wan.yaml', 'utf8'));
const withTraffic = (traffic: unknown) => scenarioSchema.parse({ ...story, traffic });

describe('traffic from a scenario', () => {
  it('keeps the original generator settings as they were', () => {
    const config = generatorConfig(withTraffic(story.traffic).traffic.generate!);
    expect(config).toEqual({ ratePerHour: 180, profile: 'business-hours', domainCount: 120, recipients: { min: 1, max: 2 }, senders: story.traffic.generate.from, sizeBytes: { min: 5000, max: 150000 } });
  });

  it('reads arrivals, Zipf or weighted domains, recipient and size distributions, bursts', () => {
    const generate = { rate: '100/h', from: 'a@example.com.au', arrivals: 'even', recipients: { mean: 1.5 }, size: { median: '20k' } };
    const zipf = generatorConfig(withTraffic({ generate: { ...generate, domains: { count: 300, zipf: 1.1 }, bursts: [{ at: '10:00', recipients: 500, per_message: 100, spread: '10m' }] } }).traffic.generate!);
    expect(zipf).toMatchObject({
      arrivals: 'even', domains: { kind: 'zipf', count: 300, exponent: 1.1 }, recipientCount: { kind: 'geometric', mean: 1.5, max: 50 },
      size: { kind: 'lognormal', medianBytes: 20_000, sigma: 1, minBytes: 500, maxBytes: 25_000_000 },
      bursts: [{ atDayMs: 36_000_000, recipients: 500, perMessage: 100, spreadMs: 600_000 }],
    });
    const weighted = generatorConfig(withTraffic({ generate: { ...generate, domains: { 'Gmail.com': 3, 'bigpond.com': 1 } } }).traffic.generate!);
    expect(weighted.domains).toEqual({ kind: 'weighted', domains: [{ name: 'gmail.com', weight: 3 }, { name: 'bigpond.com', weight: 1 }] });
  });

  it('refuses a burst at a time that is not HH:MM', () => {
    const result = scenarioSchema.safeParse({ ...story, traffic: { generate: { rate: '1/h', from: 'a@example.com.au', bursts: [{ at: '25:00', recipients: 5 }] } } });
    expect(result.success).toBe(false);
  });

  it('replays imported messages once they are read, and refuses to build without them', () => {
    const scenario = withTraffic({ import: { file: 'maillog', format: 'postfix' } });
    expect(() => buildWorldConfig(scenario)).toThrow(/read it first/);
    const messages = [{ id: 'q1', atMs: 5000, from: 'a@example.com.au', to: ['b@example.net'], sizeBytes: 100, observed: 'bounced' as const }];
    expect(buildWorldConfig(scenario, 1, messages).messages).toEqual(messages);
    attachImportedTraffic(scenario.traffic.import!, messages);
    expect(buildWorldConfig({ ...scenario, seed: 2 }).messages).toEqual(messages);
  });
});

describe('imported traffic registry', () => {
  it('finds messages for a re-parsed copy of the same import, but not when two logs share the settings', async () => {
    const { attachImportedTraffic: attach, importedTraffic } = await import('../../src/run/imported-traffic.js');
    const messages = [{ id: 'q', atMs: 0, from: '', to: ['a@b.example'], sizeBytes: 1 }];
    attach({ file: 'one.log', format: 'csv', strict: false }, messages);
    expect(importedTraffic({ file: 'one.log', format: 'csv', strict: false })).toBe(messages);
    attach({ file: 'two.log', format: 'csv', strict: false }, messages);
    attach({ file: 'two.log', format: 'csv', strict: false }, [...messages]);
    expect(importedTraffic({ file: 'two.log', format: 'csv', strict: false })).toBeUndefined();
  });
});
