import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
  });

  it('gives different sequences for different seeds', () => {
    expect(new Random(1).nextUint32()).not.toBe(new Random(2).nextUint32());
  });

  it('property: int stays in its bounds and next in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, span) => {
        const random = new Random(seed);
        for (let i = 0; i < 20; i++) {
          const value = random.int(min, min + span);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + span);
          const unit = random.next();
          expect(unit >= 0 && unit < 1).toBe(true);
        }
      }),
    );
  });

  it('is roughly uniform', () => {
    const random = new Random(42);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) buckets[random.int(0, 3)]!++;
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(500);
  });
});
