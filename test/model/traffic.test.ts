import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { businessHoursFactors, domainName, generateMessages, type GeneratorConfig } from '../../src/model/traffic.js';

const config: GeneratorConfig = {
  ratePerHour: 600,
  profile: 'constant',
  domainCount: 20,
  recipients: { min: 1, max: 3 },
  senders: ['a@example.com'],
  sizeBytes: { min: 1000, max: 2000 },
};

describe('generateMessages', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateMessages(config, new Random(1), 3_600_000, 0);
    expect(generateMessages(config, new Random(1), 3_600_000, 0)).toEqual(a);
    expect(generateMessages(config, new Random(2), 3_600_000, 0)).not.toEqual(a);
  });

  it('roughly keeps the rate, stays in the window and in time order', () => {
    const messages = generateMessages(config, new Random(3), 3_600_000, 0);
    expect(messages.length).toBeGreaterThan(500);
    expect(messages.length).toBeLessThan(700);
    for (let i = 1; i < messages.length; i++) expect(messages[i]!.atMs).toBeGreaterThanOrEqual(messages[i - 1]!.atMs);
    expect(messages.at(-1)!.atMs).toBeLessThan(3_600_000);
    for (const message of messages) {
      expect(message.to.length).toBeGreaterThanOrEqual(1);
      expect(message.to.length).toBeLessThanOrEqual(3);
    }
  });

  it('follows the business-hours profile: far less at 03:00 than at 10:00', () => {
    const night = generateMessages({ ...config, profile: 'business-hours' }, new Random(4), 3_600_000, 3 * 3_600_000);
    const morning = generateMessages({ ...config, profile: 'business-hours' }, new Random(4), 3_600_000, 10 * 3_600_000);
    expect(businessHoursFactors).toHaveLength(24);
    expect(night.length * 10).toBeLessThan(morning.length);
  });

  it('lists each recipient of a message once, however few addresses there are to draw from', () => {
    const crowded: GeneratorConfig = { ...config, domainCount: 1, recipients: { min: 5, max: 5 } };
    const messages = generateMessages(crowded, new Random(4), 3_600_000, 0);
    for (const message of messages) {
      expect(new Set(message.to).size).toBe(message.to.length);
      expect(message.toDomains).toHaveLength(message.to.length);
    }
    // Redrawing keeps almost every message at the count asked for.
    expect(messages.filter((message) => message.to.length === 5).length).toBeGreaterThan(messages.length * 0.9);
  });

  it('stops at count and uses at most domainCount domains', () => {
    const messages = generateMessages({ ...config, count: 50 }, new Random(5), 86_400_000, 0);
    expect(messages).toHaveLength(50);
    const domains = new Set(messages.flatMap((m) => m.to.map((to) => to.split('@')[1])));
    expect(domains.size).toBeLessThanOrEqual(20);
    expect(new Set(Array.from({ length: 1000 }, (_, i) => domainName(i))).size).toBe(1000);
  });
});

describe('generated recipient domains', () => {
  it('gives each recipient its lower-cased domain, in order, shared between messages', () => {
    const messages = generateMessages({ ...config, recipients: { min: 1, max: 4 }, bursts: [{ atDayMs: 600_000, recipients: 30, perMessage: 10, spreadMs: 60_000 }] }, new Random(5), 3_600_000, 0);
    const byDomain = new Map<string, string>();
    for (const message of messages) {
      expect(message.toDomains).toHaveLength(message.to.length);
      message.to.forEach((address, i) => {
        const domain = message.toDomains![i]!;
        expect(domain).toBe(address.slice(address.lastIndexOf('@') + 1).toLowerCase());
        expect(Object.is(byDomain.get(domain) ?? domain, domain)).toBe(true);
        byDomain.set(domain, domain);
      });
    }
  });
});
