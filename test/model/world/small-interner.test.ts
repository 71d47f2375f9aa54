import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallInterner } from '../../../src/model/world/small-interner.js';

describe('SmallInterner', () => {
  it('gives equal strings one id and every id back its string, past the scan limit too', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), (names) => {
        const interner = new SmallInterner();
        const ids = names.map((name) => interner.id(name));
        names.forEach((name, i) => {
          expect(interner.name(ids[i]!)).toBe(name);
          expect(interner.id(name)).toBe(ids[i]);
        });
        expect(new Set(ids).size).toBe(new Set(names).size);
      }),
    );
  });

  it('counts ids from 0 in order of first sight', () => {
    const interner = new SmallInterner();
    expect(['b', 'a', 'b', 'c'].map((name) => interner.id(name))).toEqual([0, 1, 0, 2]);
  });

  it('refuses an id it never gave', () => {
    expect(() => new SmallInterner().name(0)).toThrow(RangeError);
  });
});
