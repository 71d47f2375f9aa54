/**
 * Simulated time in integer milliseconds from the scenario start.
 * Invariant: it never runs backwards; an attempt to do so is a bug in the caller and throws.
 */
export class SimClock {
  private current: number;

  constructor(startMs = 0) {
    assertTime(startMs);
    this.current = startMs;
  }

  /** The current simulated time, ms. */
  get nowMs(): number {
    return this.current;
  }

  /** Moves the clock to `timeMs`; refuses to go backwards. */
  advanceTo(timeMs: number): void {
    assertTime(timeMs);
    if (timeMs < this.current) {
      throw new RangeError(`clock cannot run backwards: ${timeMs} ms < ${this.current} ms`);
    }
    this.current = timeMs;
  }
}

function assertTime(timeMs: number): void {
  if (!Number.isSafeInteger(timeMs)) {
    throw new RangeError(`simulated time must be an integer number of ms, got ${timeMs}`);
  }
}
