/** How a limiter's window moves. */
export type WindowKind = 'fixed' | 'sliding';

/** A rate limit: at most `max` per `perMs`, optionally refusing all for `blockMs` once exceeded. */
export interface LimitConfig {
  readonly max: number;
  readonly perMs: number;
  readonly window: WindowKind;
  /** Once over the limit, refuse everything for this long; without it, refuse until the window allows. */
  readonly blockMs?: number;
}

/** The state of one limiter key, for display. */
export interface LimiterState {
  readonly key: string;
  /** Requests counted in the current window (fixed) or in the last `perMs` (sliding). */
  readonly count: number;
  readonly max: number;
  /** Start of the current fixed window, ms (undefined for sliding windows or before any request). */
  readonly windowStartMs: number | undefined;
  /** Refusing everything until this time, ms; undefined when not blocked. */
  readonly blockedUntilMs: number | undefined;
}

interface KeyState {
  windowStartMs: number;
  count: number;
  accepted: number[];
  blockedUntilMs: number;
}

/**
 * A rate limiter per key (a client address, a sender…). `fixed` behaves as Postfix's anvil: the
 * window starts at the first request and resets once `perMs` has passed since it started;
 * refused requests count too. `sliding` counts accepted requests in the last `perMs`.
 * Invariant: inside one window it never accepts more than `max`.
 */
export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(readonly config: LimitConfig) {}

  /** Counts `amount` requests for `key` at `nowMs`; true when accepted. */
  take(key: string, nowMs: number, amount = 1): boolean {
    const state = this.stateOf(key, nowMs);
    if (nowMs < state.blockedUntilMs) return false;
    const accepted = this.config.window === 'fixed' ? this.takeFixed(state, nowMs, amount) : this.takeSliding(state, nowMs, amount);
    if (!accepted && this.config.blockMs !== undefined) {
      state.blockedUntilMs = nowMs + this.config.blockMs;
      // After a block a fixed window starts afresh with the next request; a sliding log keeps
      // what it accepted, so the block never lets more than max into any span of perMs.
      state.count = 0;
      state.windowStartMs = Number.NEGATIVE_INFINITY;
    }
    return accepted;
  }

  /** The state of every key seen, for display; keys in first-seen order. */
  states(nowMs: number): LimiterState[] {
    return [...this.keys.entries()].map(([key, state]) => ({
      key,
      count: this.config.window === 'fixed' ? (nowMs - state.windowStartMs < this.config.perMs ? state.count : 0) : state.accepted.filter((t) => t > nowMs - this.config.perMs).length,
      max: this.config.max,
      windowStartMs: this.config.window === 'fixed' && Number.isFinite(state.windowStartMs) ? state.windowStartMs : undefined,
      blockedUntilMs: nowMs < state.blockedUntilMs ? state.blockedUntilMs : undefined,
    }));
  }

  private stateOf(key: string, nowMs: number): KeyState {
    let state = this.keys.get(key);
    if (state === undefined) {
      state = { windowStartMs: nowMs, count: 0, accepted: [], blockedUntilMs: Number.NEGATIVE_INFINITY };
      this.keys.set(key, state);
    }
    return state;
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
    const cutoff = nowMs - this.config.perMs;
    let drop = 0;
    while (drop < state.accepted.length && state.accepted[drop]! <= cutoff) drop++;
    if (drop > 0) state.accepted.splice(0, drop);
    if (state.accepted.length + amount > this.config.max) return false;
    for (let i = 0; i < amount; i++) state.accepted.push(nowMs);
    return true;
  }
}
