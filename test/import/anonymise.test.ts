import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Anonymiser } from '../../src/import/anonymise.js';
import { importLines } from '../../src/import/importer.js';
import { aedt, fixtureLines } from './support.js';

const hmac = (key: string) => (text: string) => createHmac('sha256', key).update(text).digest('hex');
const message = { id: 'q1', atEpochMs: 0, from: 'reception@example.com.au', to: ['alex@harbour.com.au', 'sam@harbour.com.au', 'jo@oakley.com'], sizeBytes: 1, observed: 'delivered' as const };

describe('Anonymiser', () => {
  it('keeps domains but hides local parts, the same address always the same pseudonym', () => {
    const out = new Anonymiser(hmac('k1'), 'keep-domains').message(message);
    expect(out.to.map((to) => to.split('@')[1])).toEqual(['harbour.com.au', 'harbour.com.au', 'oakley.com']);
    for (const to of out.to) expect(to).toMatch(/^u[0-9a-f]{12}@/);
    expect(out.from).toMatch(/^u[0-9a-f]{12}@example\.com\.au$/);
    expect(new Anonymiser(hmac('k1'), 'keep-domains').message(message)).toEqual(out);
    expect(new Set(out.to).size).toBe(3);
  });

  it('hides recipient domains too, keeping which recipients share one; another key, other pseudonyms', () => {
    const out = new Anonymiser(hmac('k1'), 'hide-domains').message(message);
    const domains = out.to.map((to) => to.split('@')[1]!);
    for (const domain of domains) expect(domain).toMatch(/^d[0-9a-f]{10}\.invalid$/);
    expect(domains[0]).toBe(domains[1]);
    expect(domains[0]).not.toBe(domains[2]);
    expect(out.from.endsWith('@example.com.au')).toBe(true);
    expect(new Anonymiser(hmac('k2'), 'hide-domains').message(message).to).not.toEqual(out.to);
  });

  it('applies to a whole import: no original recipient survives, the counts stay', () => {
    const plain = importLines(fixtureLines('postfix-classic.log'), { format: 'postfix', year: 2008, offsetMinutes: aedt });
    const hidden = importLines(fixtureLines('postfix-classic.log'), { format: 'postfix', year: 2008, offsetMinutes: aedt, anonymiser: new Anonymiser(hmac('k'), 'hide-domains') });
    const originals = new Set(plain.messages.flatMap((m) => m.to));
    for (const to of hidden.messages.flatMap((m) => m.to)) expect(originals.has(to)).toBe(false);
    expect({ ...hidden.summary }).toEqual({ ...plain.summary });
  });
});
