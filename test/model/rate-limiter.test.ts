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

describe('RateLimiter, the other kinds', () => {
  it('token bucket: a burst of max, then one per refill interval', () => {
    const limiter = new RateLimiter({ max: 3, perMs: 300, window: 'token-bucket' });
    expect([0, 0, 0, 0].map((t) => limiter.take('a', t))).toEqual([true, true, true, false]);
    expect(limiter.take('a', 99)).toBe(false);
    expect(limiter.take('a', 100)).toBe(true);
  });

  it('rolling 24 hours: counts the last day, whatever `perMs` says', () => {
    const limiter = new RateLimiter({ max: 2, perMs: 1, window: 'rolling-24h' });
    expect([limiter.take('a', 0), limiter.take('a', 3_600_000), limiter.take('a', 7_200_000)]).toEqual([true, true, false]);
    expect(limiter.take('a', 86_400_001)).toBe(true);
  });

  it('concurrent: at most max sessions open; a settled session frees its slot at its end', () => {
    const limiter = new RateLimiter({ max: 1, perMs: 0, window: 'concurrent' });
    expect(limiter.take('a', 0)).toBe(true);
    limiter.settle('a', 500);
    expect(limiter.take('a', 499)).toBe(false);
    expect(limiter.take('a', 500)).toBe(true);
    expect(limiter.take('b', 500)).toBe(true);
  });

  it('a penalty block that attempts extend: every refused try starts the block again', () => {
    const limiter = new RateLimiter({ max: 1, perMs: 100, window: 'fixed', blockMs: 1000, extendBlock: true });
    limiter.take('a', 0);
    expect(limiter.take('a', 1)).toBe(false);
    expect(limiter.take('a', 900)).toBe(false);
    expect(limiter.take('a', 1500)).toBe(false);
    expect(limiter.states(1500)[0]!.blockedUntilMs).toBe(2500);
    expect(limiter.take('a', 2500)).toBe(true);
  });
});

describe('property: the other kinds never exceed their definition', () => {
  it('token bucket: accepted in any span [a, b] ≤ max + (b − a)·max/perMs', () => {
    fc.assert(
      fc.property(configs, requests, (config, reqs) => {
        const limiter = new RateLimiter({ ...config, window: 'token-bucket' });
        const accepted = reqs.filter(([at, amount]) => limiter.take('k', at, amount));
        for (const [from] of accepted) {
          for (const [to] of accepted) {
            if (to < from) continue;
            const inSpan = accepted.filter(([t]) => t >= from && t <= to).reduce((sum, [, amount]) => sum + amount, 0);
            expect(inSpan).toBeLessThanOrEqual(config.max + ((to - from) * config.max) / config.perMs + 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rolling 24 hours: any 24-hour span holds at most max', () => {
    fc.assert(
      fc.property(configs, requests.map((list) => list.map(([t, n]) => [t * 40_000, n] as [number, number])), (config, reqs) => {
        const limiter = new RateLimiter({ ...config, window: 'rolling-24h' });
        const accepted = reqs.filter(([at, amount]) => limiter.take('k', at, amount));
        for (const [at] of accepted) {
          const inSpan = accepted.filter(([other]) => other > at - 86_400_000 && other <= at).reduce((sum, [, amount]) => sum + amount, 0);
          expect(inSpan).toBeLessThanOrEqual(config.max);
        }
      }),
    );
  });

  it('concurrent: sessions open at any moment never exceed max', () => {
    const sessions = fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 800 })), { maxLength: 150 }).map((list) => list.sort((a, b) => a[0] - b[0]));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), sessions, (max, list) => {
        const limiter = new RateLimiter({ max, perMs: 0, window: 'concurrent' });
        const open: [number, number][] = [];
        for (const [at, length] of list) {
          if (!limiter.take('k', at)) continue;
          limiter.settle('k', at + length);
          open.push([at, at + length]);
          expect(open.filter(([start, end]) => start <= at && end > at).length).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('extending blocks: nothing is accepted while blocked, and the block only grows', () => {
    fc.assert(
      fc.property(configs, requests, (config, reqs) => {
        const blockMs = config.blockMs ?? 500;
        const limiter = new RateLimiter({ ...config, blockMs, extendBlock: true, window: 'fixed' });
        let blockedUntil = Number.NEGATIVE_INFINITY;
        for (const [at, amount] of reqs) {
          const wasBlocked = at < blockedUntil;
          const ok = limiter.take('k', at, amount);
          if (wasBlocked) expect(ok).toBe(false);
          blockedUntil = limiter.states(at)[0]?.blockedUntilMs ?? blockedUntil;
          if (wasBlocked) expect(blockedUntil).toBe(at + blockMs);
        }
      }),
    );
  });
});
