import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/core/clock.js';

describe('SimClock', () => {
  it('moves forward and stays put', () => {
    const clock = new SimClock();
    clock.advanceTo(10);
    clock.advanceTo(10);
    expect(clock.nowMs).toBe(10);
  });

  it('refuses to run backwards', () => {
    const clock = new SimClock(100);
    expect(() => clock.advanceTo(99)).toThrow(/backwards/);
  });

  it('refuses fractional time', () => {
    expect(() => new SimClock(0.5)).toThrow(/integer/);
  });
});
