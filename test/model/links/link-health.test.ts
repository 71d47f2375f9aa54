import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/core/random.js';
import { handshakeDelayMs } from '../../../src/model/links/connect.js';
import { LinkHealth } from '../../../src/model/links/link-health.js';
import { sonicwallProbe } from '../../../src/model/links/types.js';

const probed = (lossRate = 0, seed = 1): LinkHealth => new LinkHealth('X1', { kind: 'probe', probe: sonicwallProbe }, lossRate, new Random(seed));

/** Runs probes every interval up to `untilMs`; returns the times the belief changed. */
function probeUntil(link: LinkHealth, fromMs: number, untilMs: number): number[] {
  const changes: number[] = [];
  for (let t = fromMs; t <= untilMs; t += sonicwallProbe.intervalMs) if (link.probe(t)) changes.push(t);
  return changes;
}

describe('link health', () => {
  it('instant detection: the belief follows the real state at once', () => {
    const link = new LinkHealth('X1', { kind: 'instant' }, 0, new Random(1));
    expect(link.setReal(false, 1_000)).toBe(true);
    expect(link.believedUp).toBe(false);
    expect(link.setReal(true, 2_000)).toBe(true);
    expect(link.believedUpSinceMs).toBe(2_000);
  });

  it('SonicWall probes: marked down on the third missed probe, up on the third answered one', () => {
    const link = probed();
    expect(probeUntil(link, 5_000, 10_000)).toEqual([]);
    expect(link.setReal(false, 12_000)).toBe(false);
    expect(link.believedUp).toBe(true);
    expect(probeUntil(link, 15_000, 40_000)).toEqual([25_000]);
    link.setReal(true, 41_000);
    expect(probeUntil(link, 45_000, 80_000)).toEqual([55_000]);
    expect(link.believedUpSinceMs).toBe(55_000);
  });

  it('no monitor: the firewall never notices', () => {
    const link = new LinkHealth('X1', { kind: 'none' }, 0, new Random(1));
    expect(link.setReal(false, 1_000)).toBe(false);
    expect(link.probe(5_000)).toBe(false);
    expect(link.believedUp).toBe(true);
  });

  it('property: with no loss, detection lag is between (N-1) and N probe intervals, and never before the change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (downAtMs, outageMs) => {
        const link = probed();
        const interval = sonicwallProbe.intervalMs;
        let downSeen = -1;
        let upSeen = -1;
        for (let t = interval; t <= downAtMs + outageMs + 10 * interval; t += interval) {
          if (downSeen < 0 && t >= downAtMs && link.reallyUp) link.setReal(false, downAtMs);
          if (t >= downAtMs + outageMs && !link.reallyUp) link.setReal(true, downAtMs + outageMs);
          if (link.probe(t)) (link.believedUp ? (upSeen = t) : (downSeen = t));
        }
        const probesInOutage = Math.ceil((downAtMs + outageMs) / interval) - Math.ceil(downAtMs / interval);
        if (probesInOutage >= sonicwallProbe.downAfter) {
          expect(downSeen - downAtMs).toBeGreaterThanOrEqual((sonicwallProbe.downAfter - 1) * interval);
          expect(downSeen - downAtMs).toBeLessThan(sonicwallProbe.downAfter * interval);
          expect(upSeen).toBeGreaterThan(downAtMs + outageMs);
        } else {
          expect(downSeen).toBe(-1);
        }
      }),
    );
  });

  it('packet loss makes probes miss now and then: a lossy link flaps, a clean one does not', () => {
    expect(probeUntil(probed(0.5, 3), 5_000, 3_600_000).length).toBeGreaterThan(0);
    expect(probeUntil(probed(0, 3), 5_000, 3_600_000)).toEqual([]);
  });
});

describe('TCP handshake', () => {
  it('is immediate on a clean link and times out on a dead one', () => {
    const link = probed();
    expect(handshakeDelayMs(link)).toBe(0);
    link.setReal(false, 0);
    expect(handshakeDelayMs(link)).toBe(-1);
  });

  it('on a lossy link, retries SYNs at 1, 3, 7, 15 s and sometimes gives up', () => {
    const link = probed(0.5, 9);
    const delays = Array.from({ length: 2000 }, () => handshakeDelayMs(link));
    expect(new Set(delays)).toEqual(new Set([0, 1_000, 3_000, 7_000, 15_000, -1]));
    // Each try gets through with (1 - 0.5)^2 = 1/4; all five fail with (3/4)^5 ≈ 0.237.
    const failed = delays.filter((d) => d < 0).length / delays.length;
    expect(failed).toBeGreaterThan(0.19);
    expect(failed).toBeLessThan(0.29);
  });
});
