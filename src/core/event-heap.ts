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

  /** The sequence number of the earliest event, or `undefined` when empty. */
  peekSeq(): number | undefined {
    return this.seqs[0];
  }

  /** The earliest event without removing it. */
  peek(): E | undefined {
    return this.items[0];
  }

  /** Removes and returns the earliest event with its time, or `undefined` when empty. */
  pop(): { timeMs: number; seq: number; item: E } | undefined {
    if (this.items.length === 0) return undefined;
    const timeMs = this.times[0]!;
    const seq = this.seqs[0]!;
    return { timeMs, seq, item: this.popItem()! };
  }

  /**
   * Removes the earliest event and returns it alone, or `undefined` when empty: the simulator's
   * loop reads the time with `peekTime` first, and so makes no object per event.
   */
  popItem(): E | undefined {
    const count = this.items.length;
    if (count === 0) return undefined;
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
    return item;
  }

  // Sifting moves a "hole" instead of swapping pairs: one write per level instead of six.
  private siftUp(index: number): void {
    const time = this.times[index]!;
    const seq = this.seqs[index]!;
    const item = this.items[index]!;
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const parentTime = this.times[parent]!;
      if (parentTime < time || (parentTime === time && this.seqs[parent]! < seq)) break;
      this.moveTo(child, parent);
      child = parent;
    }
    this.place(child, time, seq, item);
  }

  private siftDown(index: number): void {
    const count = this.items.length;
    const time = this.times[index]!;
    const seq = this.seqs[index]!;
    const item = this.items[index]!;
    let parent = index;
    for (;;) {
      let child = parent * 2 + 1;
      if (child >= count) break;
      const right = child + 1;
      if (right < count && this.before(right, child)) child = right;
      const childTime = this.times[child]!;
      if (time < childTime || (time === childTime && seq < this.seqs[child]!)) break;
      this.moveTo(parent, child);
      parent = child;
    }
    this.place(parent, time, seq, item);
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private moveTo(to: number, from: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.items[to] = this.items[from]!;
  }

  private place(index: number, time: number, seq: number, item: E): void {
    this.times[index] = time;
    this.seqs[index] = seq;
    this.items[index] = item;
  }
}
