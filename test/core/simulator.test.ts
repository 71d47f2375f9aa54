import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/core/simulator.js';

describe('Simulator', () => {
  it('steps through events in order and lets handlers schedule more', () => {
    const seen: [number, string][] = [];
    const sim = new Simulator<string>((event, s) => {
      seen.push([s.nowMs, event]);
      if (event === 'a') s.scheduleIn(5, 'c');
    });
    sim.schedule(10, 'a');
    sim.schedule(12, 'b');
    sim.run(100);
    expect(seen).toEqual([[10, 'a'], [12, 'b'], [15, 'c']]);
    expect(sim.nowMs).toBe(100);
  });

  it('gives each event the sequence number schedule returned, so a handler can tell a superseded one', () => {
    const handled: string[] = [];
    const live = new Map<string, number>();
    const sim = new Simulator<string>((event, s) => {
      if (s.currentSeq !== live.get(event)) return;
      handled.push(`${event}@${s.nowMs}`);
    });
    live.set('a', sim.schedule(10, 'a'));
    const first = sim.schedule(20, 'b');
    // 'b' is moved to the same time as 'a', then back to 20: only the latest counts.
    live.set('b', sim.schedule(10, 'b'));
    live.set('b', sim.schedule(20, 'b'));
    expect(new Set([live.get('a'), first, live.get('b')]).size).toBe(3);
    sim.run(100);
    expect(handled).toEqual(['a@10', 'b@20']);
  });

  it('run(until) leaves later events waiting and peek shows the next', () => {
    const sim = new Simulator<number>(() => {});
    sim.schedule(5, 1);
    sim.schedule(50, 2);
    expect(sim.run(10)).toBe(1);
    expect(sim.peek()).toBe(50);
    expect(sim.nowMs).toBe(10);
  });

  it('run honours maxEvents and does not move the clock past unhandled events', () => {
    const sim = new Simulator<number>(() => {});
    for (let i = 0; i < 5; i++) sim.schedule(i, i);
    expect(sim.run(100, 2)).toBe(2);
    expect(sim.nowMs).toBe(1);
    expect(sim.pendingCount).toBe(3);
  });

  it('refuses to schedule in the past', () => {
    const sim = new Simulator<number>(() => {});
    sim.schedule(10, 1);
    sim.step();
    expect(() => sim.schedule(5, 2)).toThrow(/before now/);
  });

  it('property: time never runs backwards, whatever handlers schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 })), { maxLength: 100 }), (seeds) => {
        const times: number[] = [];
        const sim = new Simulator<number>((delay, s) => {
          times.push(s.nowMs);
          if (times.length < 500 && delay > 50) s.scheduleIn(delay - 50, delay - 50);
        });
        for (const [at, delay] of seeds) sim.schedule(at, delay);
        sim.run(Number.MAX_SAFE_INTEGER);
        for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
      }),
    );
  });
});

describe('Simulator.peakPendingCount', () => {
  it('remembers the most events that waited at once', () => {
    const sim = new Simulator<number>(() => {});
    sim.schedule(1, 1);
    sim.schedule(2, 2);
    sim.schedule(3, 3);
    sim.run(10);
    sim.schedule(20, 4);
    expect(sim.peakPendingCount).toBe(3);
    expect(sim.pendingCount).toBe(1);
  });
});
