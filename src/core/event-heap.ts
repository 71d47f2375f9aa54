/**
 * A binary min-heap of events ordered by (timeMs, seq). `seq` is assigned on push and strictly
 * increases, so two events at the same time leave in the order they were scheduled: that tie-break
 * is what makes a replay deterministic.
 *
 * Stored as parallel arrays rather than one object per entry: the simulation pushes millions of
 * events and the heap is its hottest structure.
 */
export class EventHeap<E> {
  private times: number[] = [];
  private seqs: number[] = [];
  private items: E[] = [];
  private nextSeq = 0;

  /** Number of events waiting. */
  get size(): number {
    return this.items.length;
  }

  /** Schedules `item` at `timeMs` (integer ms); returns the sequence number it was given. */
  push(timeMs: number, item: E): number {
    const seq = this.nextSeq++;
    this.times.push(timeMs);
    this.seqs.push(seq);
    this.items.push(item);
    this.siftUp(this.items.length - 1);
    return seq;
  }

  /** The time of the earliest event, or `undefined` when empty. */
  peekTime(): number | undefined {
    return this.times[0];
  }

  /** The earliest event without removing it. */
  peek(): E | undefined {
    return this.items[0];
  }

  /** Removes and returns the earliest event with its time, or `undefined` when empty. */
  pop(): { timeMs: number; seq: number; item: E } | undefined {
    const count = this.items.length;
    if (count === 0) return undefined;
    const timeMs = this.times[0]!;
    const seq = this.seqs[0]!;
    const item = this.items[0]!;
    const lastTime = this.times.pop()!;
    const lastSeq = this.seqs.pop()!;
    const lastItem = this.items.pop()!;
    if (count > 1) {
      this.times[0] = lastTime;
      this.seqs[0] = lastSeq;
      this.items[0] = lastItem;
      this.siftDown(0);
    }
    return { timeMs, seq, item };
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private swap(a: number, b: number): void {
    const t = this.times[a]!;
    this.times[a] = this.times[b]!;
    this.times[b] = t;
    const s = this.seqs[a]!;
    this.seqs[a] = this.seqs[b]!;
    this.seqs[b] = s;
    const i = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = i;
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    const count = this.items.length;
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      if (left >= count) return;
      const right = left + 1;
      const smaller = right < count && this.less(right, left) ? right : left;
      if (!this.less(smaller, parent)) return;
      this.swap(smaller, parent);
      parent = smaller;
    }
  }
}
