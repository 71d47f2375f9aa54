import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRetryMs, retryPresets, suspensionMs } from '../../src/model/retry.js';

const minute = 60_000;

describe('retry profiles', () => {
  it('exchange-2003: 15, 30, 60 minutes, then every 240; expiry 2 days', () => {
    const profile = retryPresets['exchange-2003']!;
    expect([1, 2, 3, 4, 5].map((n) => profile.delayMs(n, 0) / minute)).toEqual([15, 30, 60, 240, 240]);
    expect(profile.lifetimeMs).toBe(2 * 86_400_000);
  });

  it('exchange-2016: six retries 5 minutes apart, then every 15', () => {
    const profile = retryPresets['exchange-2016']!;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => profile.delayMs(n, 0) / minute)).toEqual([5, 5, 5, 5, 5, 5, 15, 15]);
  });

  it('postfix: backoff is the age clamped to [300 s, 4000 s]; lifetime 5 days', () => {
    const profile = retryPresets['postfix']!;
    expect(profile.delayMs(1, 10_000)).toBe(300_000);
    expect(profile.delayMs(3, 1_000_000)).toBe(1_000_000);
    expect(profile.delayMs(9, 99_000_000)).toBe(4_000_000);
    expect(profile.lifetimeMs).toBe(5 * 86_400_000);
  });

  it('property: every profile waits a positive time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(retryPresets)), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 10 ** 9 }), (name, failures, age) => {
        expect(retryPresets[name]!.delayMs(failures, age)).toBeGreaterThan(0);
      }),
    );
  });
});

describe('retry times follow the profile (nextRetryMs)', () => {
  const postfix = retryPresets['postfix']!;

  it('postfix waits for the next queue run after its backoff', () => {
    expect(nextRetryMs(postfix, 1, 10_000, 0)).toBe(600_000);
    expect(nextRetryMs(postfix, 1, 300_000, 0)).toBe(600_000);
    expect(nextRetryMs(postfix, 4, 2_000_000, 0)).toBe(4_200_000);
  });

  it('property: every retry is after the profile delay, on a queue run when the profile has them, less than one run later', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(retryPresets)), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 ** 8 }), fc.integer({ min: 0, max: 10 ** 8 }), (name, failures, queuedAtMs, ageMs) => {
        const profile = retryPresets[name]!;
        const failedAtMs = queuedAtMs + ageMs;
        const at = nextRetryMs(profile, failures, failedAtMs, queuedAtMs);
        const earliest = failedAtMs + profile.delayMs(failures, ageMs);
        if (at === null) {
          expect(earliest - queuedAtMs + (profile.queueRunMs ?? 0)).toBeGreaterThanOrEqual(profile.lifetimeMs);
          return;
        }
        expect(at).toBeGreaterThanOrEqual(earliest);
        expect(at - queuedAtMs).toBeLessThan(profile.lifetimeMs);
        if (profile.queueRunMs === undefined) expect(at).toBe(earliest);
        else {
          expect(at % profile.queueRunMs).toBe(0);
          expect(at - earliest).toBeLessThan(profile.queueRunMs);
        }
      }),
    );
  });

  it('a destination stays suspended for the profile first delay', () => {
    expect(suspensionMs(postfix)).toBe(300_000);
    expect(suspensionMs(retryPresets['exchange-2003']!)).toBe(15 * minute);
  });
});
