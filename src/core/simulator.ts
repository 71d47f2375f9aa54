import { SimClock } from './clock.js';
import { EventHeap } from './event-heap.js';

/** Handles one event at the clock's current time; may schedule more through the simulator. */
export type EventHandler<E> = (event: E, sim: Simulator<E>) => void;

/**
 * The discrete-event kernel, after SimPy: a heap of (time, seq, event), `step`, `peek`,
 * `run(until)`. Nothing hidden: the handler alone gives events their meaning.
 * Invariants: events are handled in (time, seq) order; the clock never runs backwards; an event may
 * not be scheduled in the past.
 */
export class Simulator<E> {
  readonly clock: SimClock;
  private readonly heap = new EventHeap<E>();
  private handled = 0;
  private peakPending = 0;
  private handling = -1;

  constructor(
    private readonly handler: EventHandler<E>,
    startMs = 0,
  ) {
    this.clock = new SimClock(startMs);
  }

  /** Current simulated time, ms. */
  get nowMs(): number {
    return this.clock.nowMs;
  }

  /** Number of events handled so far. */
  get handledCount(): number {
    return this.handled;
  }

  /**
   * The sequence number of the event being handled (or last handled): what `schedule` returned
   * for it. A handler that keeps the number of an event it may supersede tells a stale one by it.
   */
  get currentSeq(): number {
    return this.handling;
  }

  /** Number of events waiting. */
  get pendingCount(): number {
    return this.heap.size;
  }

  /** The most events that have waited at once. */
  get peakPendingCount(): number {
    return this.peakPending;
  }

  /**
   * Schedules `event` at absolute time `timeMs` (integer, not before now); returns its sequence
   * number, unique and increasing, which `currentSeq` gives back while it is handled.
   */
  schedule(timeMs: number, event: E): number {
    if (timeMs < this.clock.nowMs) {
      throw new RangeError(`cannot schedule at ${timeMs} ms, before now (${this.clock.nowMs} ms)`);
    }
    const seq = this.heap.push(timeMs, event);
    if (this.heap.size > this.peakPending) this.peakPending = this.heap.size;
    return seq;
  }

  /** Schedules `event` `delayMs` after now; returns its sequence number. */
  scheduleIn(delayMs: number, event: E): number {
    return this.schedule(this.clock.nowMs + delayMs, event);
  }

  /** Time of the next event, or `undefined` when none is waiting. */
  peek(): number | undefined {
    return this.heap.peekTime();
  }

  /** Handles the next event; returns false when there was none. */
  step(): boolean {
    const timeMs = this.heap.peekTime();
    if (timeMs === undefined) return false;
    this.handling = this.heap.peekSeq()!;
    const item = this.heap.popItem()!;
    this.clock.advanceTo(timeMs);
    this.handled++;
    this.handler(item, this);
    return true;
  }

  /**
   * Handles every event up to and including `untilMs`, then leaves the clock at `untilMs`
   * (or where the last event left it, when that is later because `untilMs` is in the past).
   * Returns how many events were handled. `maxEvents` bounds the work done in one call, so an
   * interactive caller can run in time-boxed chunks.
   */
  run(untilMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    let count = 0;
    for (;;) {
      const nextTime = this.heap.peekTime();
      if (nextTime === undefined || nextTime > untilMs || count >= maxEvents) break;
      this.step();
      count++;
    }
    const idle = count < maxEvents;
    if (idle && untilMs > this.clock.nowMs && Number.isFinite(untilMs)) this.clock.advanceTo(untilMs);
    return count;
  }
}
