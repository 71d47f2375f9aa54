import { describe, expect, it } from 'vitest';
import { RateMeter } from '../../../src/model/links/rate-meter.js';
import { Uplink } from '../../../src/model/links/uplink.js';

describe('uplink', () => {
  it('a transfer takes size × 8 / kbps, and the next one waits for it', () => {
    const uplink = new Uplink(1000, undefined);
    expect(uplink.send(0, 125_000)).toBe(1_000);
    expect(uplink.send(500, 125_000)).toBe(2_000);
    expect(uplink.send(5_000, 1_250)).toBe(5_010);
  });

  it('the meter averages what was sent over its window', () => {
    const meter = new RateMeter(10_000);
    const uplink = new Uplink(1000, meter);
    uplink.send(0, 625_000); // 5 Mbit at 1000 kbit/s: 0 to 5 s
    expect(uplink.rateKbps(10_000)).toBeCloseTo(500, 0);
    expect(uplink.rateKbps(12_500)).toBeCloseTo(250, 0);
    expect(uplink.rateKbps(16_000)).toBe(0);
  });

  it('counts only bits sent inside the window, not those still queued beyond it', () => {
    const meter = new RateMeter(1_000);
    meter.add(0, 10_000, 10_000_000);
    expect(meter.rateKbps(999)).toBeCloseTo(1000, 0);
  });
});
