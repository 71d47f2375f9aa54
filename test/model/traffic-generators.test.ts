import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { generateMessages, type GeneratorConfig } from '../../src/model/traffic.js';
import { drawGeometricCount, drawLogNormal, WeightedIndex, zipfWeights } from '../../src/model/traffic-draw.js';

const base: GeneratorConfig = { ratePerHour: 600, profile: 'constant', domainCount: 20, recipients: { min: 1, max: 1 }, senders: ['a@example.com'], sizeBytes: { min: 1000, max: 2000 } };
const domainsOf = (messages: ReturnType<typeof generateMessages>): string[] => messages.flatMap((m) => m.to.map((to) => to.slice(to.indexOf('@') + 1)));

describe('traffic generators', () => {
  it('even arrivals: exactly the rate, at a fixed gap', () => {
    const messages = generateMessages({ ...base, arrivals: 'even' }, new Random(1), 3_600_000, 0);
    expect(messages).toHaveLength(599);
    expect(messages.slice(0, 3).map((m) => m.atMs)).toEqual([6000, 12000, 18000]);
  });

  it('Poisson arrivals: gaps vary around the mean', () => {
    const messages = generateMessages(base, new Random(2), 3_600_000, 0);
    const gaps = messages.slice(1).map((m, i) => m.atMs - messages[i]!.atMs);
    expect(new Set(gaps).size).toBeGreaterThan(100);
    expect(Math.max(...gaps)).toBeGreaterThan(3 * 6000);
  });

  it('a weighted domain list: shares follow the weights, no other domain appears', () => {
    const messages = generateMessages({ ...base, ratePerHour: 6000, domains: { kind: 'weighted', domains: [{ name: 'gmail.com', weight: 3 }, { name: 'bigpond.com', weight: 1 }] } }, new Random(3), 3_600_000, 0);
    const domains = domainsOf(messages);
    const gmail = domains.filter((d) => d === 'gmail.com').length / domains.length;
    expect(new Set(domains)).toEqual(new Set(['gmail.com', 'bigpond.com']));
    expect(gmail).toBeGreaterThan(0.7);
    expect(gmail).toBeLessThan(0.8);
  });

  it('Zipf-like domains: the first few take most of the mail', () => {
    const messages = generateMessages({ ...base, ratePerHour: 6000, domains: { kind: 'zipf', count: 200, exponent: 1.2 } }, new Random(4), 3_600_000, 0);
    const counts = new Map<string, number>();
    for (const domain of domainsOf(messages)) counts.set(domain, (counts.get(domain) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const topFive = sorted.slice(0, 5).reduce((sum, n) => sum + n, 0);
    expect(topFive / messages.length).toBeGreaterThan(0.5);
    expect(counts.size).toBeGreaterThan(50);
  });

  it('recipients and sizes from distributions, within their bounds', () => {
    const messages = generateMessages(
      { ...base, ratePerHour: 6000, recipientCount: { kind: 'geometric', mean: 2, max: 10 }, size: { kind: 'lognormal', medianBytes: 20_000, sigma: 1, minBytes: 500, maxBytes: 1_000_000 } },
      new Random(5), 3_600_000, 0,
    );
    const recipients = messages.map((m) => m.to.length);
    const mean = recipients.reduce((a, b) => a + b, 0) / recipients.length;
    expect(mean).toBeGreaterThan(1.8);
    expect(mean).toBeLessThan(2.2);
    expect(Math.max(...recipients)).toBeLessThanOrEqual(10);
    const sizes = messages.map((m) => m.sizeBytes).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(median).toBeGreaterThan(18_000);
    expect(median).toBeLessThan(22_000);
    expect(sizes[0]).toBeGreaterThanOrEqual(500);
  });

  it('a newsletter to 500 recipients at 10:00, every day of the window, in time order', () => {
    const config: GeneratorConfig = { ...base, ratePerHour: 10, bursts: [{ atDayMs: 10 * 3_600_000, recipients: 500, perMessage: 50, spreadMs: 600_000, from: 'news@example.com' }] };
    // The window starts at 08:00 local and lasts two days.
    const messages = generateMessages(config, new Random(6), 2 * 86_400_000, 8 * 3_600_000);
    const news = messages.filter((m) => m.from === 'news@example.com');
    expect(news).toHaveLength(20);
    expect(news.filter((m) => m.atMs < 86_400_000).reduce((sum, m) => sum + m.to.length, 0)).toBe(500);
    expect(news[0]!.atMs).toBe(2 * 3_600_000);
    expect(news[9]!.atMs).toBe(2 * 3_600_000 + 540_000);
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    for (let i = 1; i < messages.length; i++) expect(messages[i]!.atMs).toBeGreaterThanOrEqual(messages[i - 1]!.atMs);
    expect(generateMessages(config, new Random(6), 2 * 86_400_000, 8 * 3_600_000)).toEqual(messages);
  });

  it('draws: weighted index, Zipf weights, geometric and log-normal', () => {
    const random = new Random(7);
    const index = new WeightedIndex([0, 1, 0]);
    for (let i = 0; i < 20; i++) expect(index.draw(random)).toBe(1);
    expect(zipfWeights(3, 1)).toEqual([1, 0.5, 1 / 3]);
    expect(drawGeometricCount(random, 1, 5)).toBe(1);
    for (let i = 0; i < 50; i++) expect(drawLogNormal(random, 100, 2, 10, 1000)).toBeGreaterThanOrEqual(10);
  });
});
