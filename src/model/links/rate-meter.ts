/**
 * A link's egress rate averaged over a sliding window: bits are spread over the buckets their
 * transfer spans, and the rate is the bits of the last window's buckets over the window.
 */
export class RateMeter {
  private readonly bucketMs: number;
  private readonly bucketCount: number;
  private readonly bits = new Map<number, number>();
  private oldest = 0;

  /** @param windowMs the averaging window, ms; buckets are a twentieth of it (at least 100 ms). */
  constructor(readonly windowMs: number) {
    this.bucketMs = Math.max(100, Math.floor(windowMs / 20));
    this.bucketCount = Math.max(1, Math.round(windowMs / this.bucketMs));
  }

  /** Records `bits` sent evenly from `fromMs` to `toMs`. */
  add(fromMs: number, toMs: number, bits: number): void {
    const first = Math.floor(fromMs / this.bucketMs);
    const last = Math.max(first, Math.floor((Math.max(toMs, fromMs + 1) - 1) / this.bucketMs));
    const span = Math.max(1, toMs - fromMs);
    for (let bucket = first; bucket <= last; bucket++) {
      const overlap = Math.min(toMs, (bucket + 1) * this.bucketMs) - Math.max(fromMs, bucket * this.bucketMs);
      const share = first === last ? bits : (bits * Math.max(0, overlap)) / span;
      this.bits.set(bucket, (this.bits.get(bucket) ?? 0) + share);
    }
  }

  /** Average rate over the window ending at `nowMs`, kbit/s. */
  rateKbps(nowMs: number): number {
    // The buckets of [now - window, now): the one starting at `now` is still to come.
    const last = Math.ceil(nowMs / this.bucketMs) - 1;
    const first = last - this.bucketCount + 1;
    while (this.oldest < first) this.bits.delete(this.oldest++);
    let total = 0;
    for (let bucket = first; bucket <= last; bucket++) total += this.bits.get(bucket) ?? 0;
    return total / this.windowMs;
  }
}
