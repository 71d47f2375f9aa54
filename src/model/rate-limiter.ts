/**
 * How a limiter counts:
 * - `fixed`: a window anchored at the first request, reset once `perMs` has passed since it
 *   started; refused requests count too (Postfix anvil);
 * - `sliding`: accepted requests in the last `perMs`;
 * - `rolling-24h`: a sliding window of 24 hours, as Microsoft 365 and Gmail count daily quotas;
 * - `token-bucket`: a bucket of `max` tokens refilled at `max` per `perMs`;
 * - `concurrent`: at most `max` sessions open at once (`perMs` unused).
 */
export type WindowKind = 'fixed' | 'sliding' | 'rolling-24h' | 'token-bucket' | 'concurrent';

/** A rate limit: at most `max` per `perMs`, optionally refusing all for `blockMs` once exceeded. */
export interface LimitConfig {
  readonly max: number;
  readonly perMs: number;
  readonly window: WindowKind;
  /** Once over the limit, refuse everything for this long (a penalty block). */
  readonly blockMs?: number;
  /** Attempts during the block start it again (a penalty box that punishes impatience). */
  readonly extendBlock?: boolean;
}

/** The state of one limiter key, for display. */
export interface LimiterState {
  readonly key: string;
  /** What is counted now: in the window, in the last `perMs`, tokens used, or sessions open. */
  readonly count: number;
  readonly max: number;
  /** Start of the current fixed window, ms (undefined for other kinds or before any request). */
  readonly windowStartMs: number | undefined;
  /** Refusing everything until this time, ms; undefined when not blocked. */
  readonly blockedUntilMs: number | undefined;
}

interface KeyState {
  windowStartMs: number;
  count: number;
  /** Accepted request times (sliding kinds) or session end times (concurrent), oldest first. */
  times: number[];
  tokens: number;
  refilledAtMs: number;
  blockedUntilMs: number;
}

const dayMs = 86_400_000;

/**
 * A rate limiter per key (a client address, a sender, an account). See `WindowKind` for what
 * each kind counts. Invariant (property-tested): no kind ever accepts more than its definition
 * allows — `max` per fixed window, per span of `perMs`, `max` open at once, or, for a token
 * bucket, `max` plus the refill over the span.
 */
export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly spanMs: number;

  constructor(readonly config: LimitConfig) {
    this.spanMs = config.window === 'rolling-24h' ? dayMs : config.perMs;
  }

  /** Counts `amount` requests for `key` at `nowMs`; true when accepted. */
  take(key: string, nowMs: number, amount = 1): boolean {
    const state = this.stateOf(key, nowMs);
    if (nowMs < state.blockedUntilMs) {
      if (this.config.extendBlock === true) state.blockedUntilMs = nowMs + this.config.blockMs!;
      return false;
    }
    const accepted = this.takeByKind(state, nowMs, amount);
    if (!accepted && this.config.blockMs !== undefined) {
      state.blockedUntilMs = nowMs + this.config.blockMs;
      // After a block a fixed window starts afresh with the next request; a sliding log keeps
      // what it accepted, so the block never lets more than max into any span of perMs.
      state.count = 0;
      state.windowStartMs = Number.NEGATIVE_INFINITY;
    }
    return accepted;
  }

  /**
   * For `concurrent` limiters: the session just accepted for `key` ends at `endMs`. Until it is
   * settled a session holds its slot indefinitely.
   */
  settle(key: string, endMs: number): void {
    const times = this.keys.get(key)?.times;
    if (times === undefined) return;
    const open = times.lastIndexOf(Number.POSITIVE_INFINITY);
    if (open < 0) return;
    times.splice(open, 1);
    let at = times.length;
    while (at > 0 && times[at - 1]! > endMs) at--;
    times.splice(at, 0, endMs);
  }

  /** The state of every key seen, for display; keys in first-seen order. */
  states(nowMs: number): LimiterState[] {
    return [...this.keys.entries()].map(([key, state]) => ({
      key,
      count: this.countNow(state, nowMs),
      max: this.config.max,
      windowStartMs: this.config.window === 'fixed' && Number.isFinite(state.windowStartMs) ? state.windowStartMs : undefined,
      blockedUntilMs: nowMs < state.blockedUntilMs ? state.blockedUntilMs : undefined,
    }));
  }

  private countNow(state: KeyState, nowMs: number): number {
    switch (this.config.window) {
      case 'fixed':
        return nowMs - state.windowStartMs < this.config.perMs ? state.count : 0;
      case 'token-bucket':
        return Math.round(this.config.max - this.refill(state, nowMs));
      case 'concurrent':
        return state.times.filter((end) => end > nowMs).length;
      default:
        return state.times.filter((t) => t > nowMs - this.spanMs).length;
    }
  }

  private stateOf(key: string, nowMs: number): KeyState {
    let state = this.keys.get(key);
    if (state === undefined) {
      state = { windowStartMs: nowMs, count: 0, times: [], tokens: this.config.max, refilledAtMs: nowMs, blockedUntilMs: Number.NEGATIVE_INFINITY };
      this.keys.set(key, state);
    }
    return state;
  }

  private takeByKind(state: KeyState, nowMs: number, amount: number): boolean {
    switch (this.config.window) {
      case 'fixed':
        return this.takeFixed(state, nowMs, amount);
      case 'token-bucket':
        return this.takeToken(state, nowMs, amount);
      case 'concurrent':
        return this.takeSlot(state, nowMs, amount);
      default:
        return this.takeSliding(state, nowMs, amount);
    }
  }

  private takeFixed(state: KeyState, nowMs: number, amount: number): boolean {
    if (nowMs - state.windowStartMs >= this.config.perMs) {
      state.windowStartMs = nowMs;
      state.count = 0;
    }
    state.count += amount;
    return state.count <= this.config.max;
  }

  private takeSliding(state: KeyState, nowMs: number, amount: number): boolean {
    dropUpTo(state.times, nowMs - this.spanMs);
    if (state.times.length + amount > this.config.max) return false;
    for (let i = 0; i < amount; i++) state.times.push(nowMs);
    return true;
  }

  /** Tokens in the bucket at `nowMs`, after refilling at max per perMs (capped at max). */
  private refill(state: KeyState, nowMs: number): number {
    const gained = ((nowMs - state.refilledAtMs) * this.config.max) / this.config.perMs;
    return Math.min(this.config.max, state.tokens + gained);
  }

  private takeToken(state: KeyState, nowMs: number, amount: number): boolean {
    state.tokens = this.refill(state, nowMs);
    state.refilledAtMs = nowMs;
    if (state.tokens < amount) return false;
    state.tokens -= amount;
    return true;
  }

  private takeSlot(state: KeyState, nowMs: number, amount: number): boolean {
    dropUpTo(state.times, nowMs);
    if (state.times.length + amount > this.config.max) return false;
    for (let i = 0; i < amount; i++) state.times.push(Number.POSITIVE_INFINITY);
    return true;
  }
}

/** Drops the leading times at or before `cutoff` from a sorted list. */
function dropUpTo(times: number[], cutoff: number): void {
  let drop = 0;
  while (drop < times.length && times[drop]! <= cutoff) drop++;
  if (drop > 0) times.splice(0, drop);
}
