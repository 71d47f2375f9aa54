import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SessionKeys } from '../../../src/model/checks/session-keys.js';

describe('SessionKeys', () => {
  it('gives two sessions one key exactly when source, sender and HELO all match', () => {
    const part = fc.constantFrom('a', 'b', 'ab', '');
    fc.assert(
      // Up to 64 distinct triples, more than the recent ones a scan finds, so the maps answer too.
      fc.property(fc.array(fc.tuple(part, part, part), { maxLength: 120 }), (sessions) => {
        const keys = new SessionKeys();
        const given = sessions.map(([source, sender, helo]) => keys.key(source, sender, helo));
        sessions.forEach((a, i) => {
          sessions.forEach((b, j) => {
            expect(given[i] === given[j]).toBe(a.join('\u0000') === b.join('\u0000'));
          });
        });
      }),
    );
  });

  it('counts keys from 0 and answers a repeat of a recent session with its key', () => {
    const keys = new SessionKeys();
    expect(keys.key('198.51.100.20', 'a@example.com', 'mail.example.com')).toBe(0);
    expect(keys.key('198.51.100.20', 'a@example.com', 'mail.example.com')).toBe(0);
    expect(keys.key('203.0.113.10', 'a@example.com', 'mail.example.com')).toBe(1);
    expect(keys.key('198.51.100.20', 'a@example.com', 'mail.example.com')).toBe(0);
    const many = Array.from({ length: 20 }, (_, i) => keys.key(`192.0.2.${i}`, 'a@example.com', 'mail.example.com'));
    expect(many).toEqual(Array.from({ length: 20 }, (_, i) => 2 + i));
    expect(keys.key('203.0.113.10', 'a@example.com', 'mail.example.com')).toBe(1);
    expect(keys.key(`192.0.2.${3}`, 'a@example.com', 'mail.example.com')).toBe(5);
  });
});
