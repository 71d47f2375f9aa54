import type { Random } from '../core/random.js';

/**
 * A seeded draw from a discrete distribution given by weights: a cumulative table, searched in
 * O(log n). Weights must be non-negative with a positive sum.
 */
export class WeightedIndex {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, i) => {
      total += weight;
      this.cumulative[i] = total;
    });
  }

  /** An index in [0, weights.length), each with probability weight / sum. */
  draw(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** Zipf-like weights for ranks 1..count: rank k weighs 1 / k^exponent. */
export function zipfWeights(count: number, exponent: number): number[] {
  return Array.from({ length: count }, (_, i) => 1 / (i + 1) ** exponent);
}

/** 1 + a geometric count whose overall mean is `mean` (≥ 1), capped at `max`. */
export function drawGeometricCount(random: Random, mean: number, max: number): number {
  if (mean <= 1) return 1;
  const p = 1 / mean;
  const extra = Math.floor(Math.log(1 - random.next()) / Math.log(1 - p));
  return Math.min(max, 1 + extra);
}

/** A log-normal draw around `median` with spread `sigma` (Box–Muller), clamped to [min, max], whole. */
export function drawLogNormal(random: Random, median: number, sigma: number, min: number, max: number): number {
  const u = 1 - random.next();
  const v = random.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(max, Math.max(min, Math.round(median * Math.exp(sigma * z))));
}
