import type { RunSession } from '../../run/session.js';
import { clampSpeedIndex, defaultSpeedIndex, speedFactor, speedLabel } from '../state/speed.js';
import { differingMessages, sideView, type CompareFrame } from './compare-model.js';

/** What the compare view shows besides the frame: the controls' state. */
export interface CompareState {
  readonly frame: CompareFrame;
  readonly paused: boolean;
  readonly done: boolean;
  readonly speed: string;
  /** First differing row shown. */
  readonly scroll: number;
  readonly quit: boolean;
}

const tickMs = 100;

/**
 * Plays two replays of the same traffic on one simulated clock: each tick advances both to the
 * same instant, so the two sides are always compared at the same time.
 */
export class CompareController {
  private nowMs = 0;
  private paused = false;
  private speedIndex: number;
  private scroll = 0;
  private quit = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly listeners = new Set<() => void>();
  private state: CompareState;

  constructor(private readonly before: RunSession, private readonly after: RunSession, private readonly titles: readonly [string, string]) {
    this.speedIndex = defaultSpeedIndex(Math.max(before.endMs, after.endMs));
    this.state = this.compute();
  }

  /** The state now. */
  get current(): CompareState {
    return this.state;
  }

  /** Subscribes to state changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the clock. */
  start(): void {
    this.timer ??= setInterval(() => this.tick(tickMs), tickMs);
  }

  /** Stops the clock for good. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Advances both sides by `realMs` of wall time at the current speed (tests call it directly). */
  tick(realMs: number): void {
    if (this.paused || this.done) return;
    this.advanceTo(this.nowMs + realMs * speedFactor(this.speedIndex));
  }

  /** Handles a key by name: space, +, -, up, down, e (to the end), q. */
  key(name: string): void {
    if (name === 'q' || name === 'ctrl+c') this.quit = true;
    else if (name === 'space') this.paused = !this.paused;
    else if (name === '+' || name === '=') this.speedIndex = clampSpeedIndex(this.speedIndex + 1);
    else if (name === '-') this.speedIndex = clampSpeedIndex(this.speedIndex - 1);
    else if (name === 'down') this.scroll = Math.min(this.scroll + 1, Math.max(0, this.state.frame.differing.length - 1));
    else if (name === 'up') this.scroll = Math.max(0, this.scroll - 1);
    else if (name === 'e') return this.advanceTo(this.endMs);
    else return;
    this.publish();
  }

  private get endMs(): number {
    return Math.max(this.before.endMs, this.after.endMs);
  }

  private get done(): boolean {
    return this.nowMs >= this.endMs;
  }

  private advanceTo(targetMs: number): void {
    this.nowMs = Math.min(targetMs, this.endMs);
    this.before.runUntil(this.nowMs);
    this.after.runUntil(this.nowMs);
    this.publish();
  }

  private publish(): void {
    this.state = this.compute();
    for (const listener of this.listeners) listener();
  }

  private compute(): CompareState {
    const sides = [sideView(this.before, this.titles[0]), sideView(this.after, this.titles[1])] as const;
    const submitted = Math.min(sides[0].submitted, sides[1].submitted);
    const frame: CompareFrame = { clock: this.before.clock.iso(this.nowMs), fraction: this.endMs === 0 ? 1 : this.nowMs / this.endMs, sides, differing: differingMessages(this.before.messages, this.after.messages, submitted) };
    return { frame, paused: this.paused, done: this.done, speed: speedLabel(this.speedIndex), scroll: Math.min(this.scroll, Math.max(0, frame.differing.length - 1)), quit: this.quit };
  }
}
