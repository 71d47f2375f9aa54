import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttemptPaths, type AttemptPath } from '../../../src/model/world/attempt-paths.js';

const pathOf = ([server, link, sourceAddress, rule]: [string, string | null, string, string]): AttemptPath => ({ server, link, sourceAddress, rule });
const word = fc.constantFrom('a', 'b', 'c', 'd', 'e');

describe('AttemptPaths', () => {
  it('gives equal paths one id and every id back its path, past the scan limit too', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.option(word, { nil: null }), word, word), { maxLength: 300 }), (tuples) => {
        const paths = new AttemptPaths();
        // Fresh string objects for the same text, as a map key or a scan by identity alone would miss them.
        const ids = tuples.map(([server, link, source, rule]) => paths.id(`${server}`, link === null ? null : `${link}`, `${source}`, `${rule}`));
        tuples.forEach((tuple, i) => {
          expect(paths.path(ids[i]!)).toEqual(pathOf(tuple));
          expect(paths.id(...tuple)).toBe(ids[i]);
        });
        expect(new Set(ids).size).toBe(new Set(tuples.map((tuple) => JSON.stringify(tuple))).size);
      }),
    );
  });

  it('counts ids from 0 in order of first sight, telling no link from a link', () => {
    const paths = new AttemptPaths();
    const ids = [
      paths.id('exchange', null, '192.168.1.5', 'inside'),
      paths.id('gateway', 'X1', '203.0.113.10', 'load-balancing:round-robin'),
      paths.id('exchange', null, '192.168.1.5', 'inside'),
      paths.id('gateway', 'X2', '198.51.100.20', 'load-balancing:round-robin'),
      paths.id('gateway', 'X1', '203.0.113.10', 'load-balancing:round-robin'),
    ];
    expect(ids).toEqual([0, 1, 0, 2, 1]);
  });

  it('refuses an id it never gave', () => {
    expect(() => new AttemptPaths().path(0)).toThrow(RangeError);
  });
});
