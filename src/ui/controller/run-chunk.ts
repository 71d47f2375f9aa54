/** The part of a session the chunk runner drives. */
export interface Steppable {
  readonly nowMs: number;
  runUntil(untilMs: number, maxEvents?: number): number;
}

/** How a chunk ended. */
export type ChunkEnd = 'target' | 'budget' | 'halted';

/**
 * Runs the simulation towards `targetMs` one event at a time, and stops early when `budgetMs` of
 * real time is spent or `halted()` turns true (a listener paused the replay). One event per call
 * so a pause lands exactly on the event that asked for it; the clock is read every few events to
 * keep that check cheap.
 */
export function runChunk(session: Steppable, targetMs: number, budgetMs: number, now: () => number, halted: () => boolean): { readonly events: number; readonly end: ChunkEnd } {
  const deadline = now() + budgetMs;
  let events = 0;
  for (;;) {
    if (halted()) return { events, end: 'halted' };
    // With nothing due by the target, runUntil moves the clock to it and handles nothing.
    if (session.runUntil(targetMs, 1) === 0) return { events, end: 'target' };
    events++;
    if ((events & 15) === 0 && now() >= deadline) return { events, end: 'budget' };
  }
}
