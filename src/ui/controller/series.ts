/** Value of a chart column whose time has not come yet. */
export const future = -1;

/**
 * A time series over the scenario window in fixed buckets, so memory stays bounded however long
 * the replay. `sum` counts (failures per bucket); `level` keeps the highest level seen in each
 * bucket and carries the last one forward (queue depth).
 */
export class BucketSeries {
  private readonly values: Float64Array;
  private filledTo = -1;
  private lastLevel = 0;

  constructor(
    private readonly windowMs: number,
    private readonly buckets: number,
    private readonly mode: 'sum' | 'level',
  ) {
    this.values = new Float64Array(buckets);
  }

  /** Adds to the bucket holding `atMs` (sum series). */
  add(atMs: number, amount = 1): void {
    const bucket = this.bucketOf(atMs);
    this.values[bucket]! += amount;
    if (bucket > this.filledTo) this.filledTo = bucket;
  }

  /** Records the level at `atMs` (level series). */
  set(atMs: number, level: number): void {
    const bucket = this.bucketOf(atMs);
    if (bucket > this.filledTo) {
      // The level held steady through the buckets without events.
      for (let b = this.filledTo + 1; b < bucket; b++) this.values[b] = this.lastLevel;
      this.values[bucket] = Math.max(this.lastLevel, level);
      this.filledTo = bucket;
    } else {
      this.values[bucket] = Math.max(this.values[bucket]!, level);
    }
    this.lastLevel = level;
  }

  /**
   * Resamples to `width` columns spanning the whole window, up to `nowMs`: a sum series adds its
   * buckets per column, a level series takes their maximum. Columns after now are {@link future}.
   */
  columns(width: number, nowMs: number): number[] {
    const out: number[] = new Array<number>(Math.max(0, width));
    const nowBucket = this.bucketOf(nowMs);
    for (let column = 0; column < width; column++) {
      const from = Math.floor((column * this.buckets) / width);
      const to = Math.max(from + 1, Math.floor(((column + 1) * this.buckets) / width));
      if (from > nowBucket) {
        out[column] = future;
        continue;
      }
      let value = 0;
      for (let b = from; b < to && b <= nowBucket; b++) {
        const v = this.mode === 'level' && b > this.filledTo ? this.lastLevel : this.values[b]!;
        value = this.mode === 'sum' ? value + v : Math.max(value, v);
      }
      out[column] = value;
    }
    return out;
  }

  private bucketOf(atMs: number): number {
    const bucket = Math.floor((atMs / Math.max(1, this.windowMs)) * this.buckets);
    return Math.max(0, Math.min(this.buckets - 1, bucket));
  }
}
