import type { RateMeter } from './rate-meter.js';

/**
 * A link's uplink: it sends one transfer at a time at its full rate, in the order they were
 * handed to it, so a busy link makes transfers wait and take time. The total throughput is what
 * TCP flows sharing the link would get; each transfer's own timing is simpler to follow.
 */
export class Uplink {
  private busyUntilMs = 0;

  constructor(
    readonly kbps: number,
    private readonly meter: RateMeter | undefined,
  ) {}

  /** Queues `bytes` to send from `startMs` on; returns when the last bit has left, ms. */
  send(startMs: number, bytes: number): number {
    const beginMs = Math.max(startMs, this.busyUntilMs);
    const endMs = beginMs + Math.ceil((bytes * 8) / this.kbps);
    this.busyUntilMs = endMs;
    this.meter?.add(beginMs, endMs, bytes * 8);
    return endMs;
  }

  /** Egress rate averaged over the meter's window, kbit/s; 0 without a meter. */
  rateKbps(nowMs: number): number {
    return this.meter?.rateKbps(nowMs) ?? 0;
  }
}
