import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/model/rate-limiter.js';

describe('RateLimiter, fixed window (anvil)', () => {
  it('accepts max in a window anchored at the first request, then refuses until it resets', () => {
    const limiter = new RateLimiter({ max: 2, perMs: 100, window: 'fixed' });
    expect([limiter.take('a', 10), limiter.take('a', 20), limiter.take('a', 30)]).toEqual([true, true, false]);
    expect(limiter.take('a', 109)).toBe(false);
    expect(limiter.take('a', 110)).toBe(true);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({ max: 1, perMs: 100, window: 'fixed' });
    expect([limiter.take('a', 0), limiter.take('b', 0), limiter.take('a', 1)]).toEqual([true, true, false]);
  });

  it('blocks for the block period once over, then opens a fresh window', () => {
    const limiter = new RateLimiter({ max: 1, perMs: 100, window: 'fixed', blockMs: 1000 });
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('a', 1)).toBe(false);
    expect(limiter.take('a', 500)).toBe(false);
    expect(limiter.states(500)[0]).toMatchObject({ key: 'a', blockedUntilMs: 1001 });
    expect(limiter.take('a', 1001)).toBe(true);
    expect(limiter.take('a', 1002)).toBe(false);
  });
});

describe('RateLimiter, sliding window', () => {
  it('counts accepted requests in the last period', () => {
    const limiter = new RateLimiter({ max: 2, perMs: 100, window: 'sliding' });
    expect([limiter.take('a', 0), limiter.take('a', 50), limiter.take('a', 99), limiter.take('a', 100), limiter.take('a', 120)]).toEqual([true, true, false, true, false]);
  });
});

const requests = fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 3 })), { maxLength: 200 }).map((list) => list.sort((a, b) => a[0] - b[0]));
const configs = fc.record({
  max: fc.integer({ min: 1, max: 10 }),
  perMs: fc.integer({ min: 1, max: 1000 }),
  blockMs: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
});

describe('property: a limiter never accepts more than its maximum inside one window', () => {
  it('fixed windows: each window the limiter opens is perMs long and holds at most max', () => {
    fc.assert(
      fc.property(configs, requests, (config, reqs) => {
        const limiter = new RateLimiter({ ...config, window: 'fixed' });
        const usedByWindow = new Map<number, number>();
        for (const [at, amount] of reqs) {
          if (!limiter.take('k', at, amount)) continue;
          const start = limiter.states(at)[0]!.windowStartMs!;
          expect(at - start).toBeGreaterThanOrEqual(0);
          expect(at - start).toBeLessThan(config.perMs);
          usedByWindow.set(start, (usedByWindow.get(start) ?? 0) + amount);
          expect(usedByWindow.get(start)!).toBeLessThanOrEqual(config.max);
        }
      }),
    );
  });

  it('sliding windows: any span of perMs', () => {
    fc.assert(
      fc.property(configs, requests, (config, reqs) => {
        const limiter = new RateLimiter({ ...config, window: 'sliding' });
        const accepted = reqs.filter(([at, amount]) => limiter.take('k', at, amount));
        for (const [at] of accepted) {
          const inSpan = accepted.filter(([other]) => other > at - config.perMs && other <= at).reduce((sum, [, amount]) => sum + amount, 0);
          expect(inSpan).toBeLessThanOrEqual(config.max);
        }
      }),
    );
  });
});
