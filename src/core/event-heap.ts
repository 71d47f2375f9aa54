const initialCapacity = 64;

/**
 * A binary min-heap of events ordered by (timeMs, seq). `seq` is assigned on push and strictly
 * increases, so two events at the same time leave in the order they were scheduled: that tie-break
 * is what makes a replay deterministic.
 *
 * The heap itself holds numbers only: each entry's time, seq and the slot where its event waits.
 * Events stay in their slot while the entries above them move. Sifting an entry thus moves no
 * references: in a JS array every reference moved is a write barrier for the collector, and a
 * simulation that schedules millions of freshly made events moves each a dozen times. Slots are
 * reused through a free list. Times and seqs are kept in plain arrays, not Float64Arrays: V8 keeps
 * whole numbers there as small integers, where every read of a Float64Array element would be
 * boxed in a fresh heap number (40 bytes an event, measured).
 */
export class EventHeap<E> {
  private readonly times: number[] = [];
  private readonly seqs: number[] = [];
  private slotOf = new Int32Array(initialCapacity);
  /** Events by slot; a free slot holds undefined. */
  private readonly events: (E | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private count = 0;
  private nextSeq = 0;

  /** Number of events waiting. */
  get size(): number {
    return this.count;
  }

  /** Schedules `item` at `timeMs` (integer ms); returns the sequence number it was given. */
  push(timeMs: number, item: E): number {
    const seq = this.nextSeq++;
    if (this.count === this.slotOf.length) this.grow();
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.events.length;
      this.events.push(item);
    } else this.events[slot] = item;
    this.siftUp(this.count++, timeMs, seq, slot);
    return seq;
  }

  /** The time of the earliest event, or `undefined` when empty. */
  peekTime(): number | undefined {
    return this.count === 0 ? undefined : this.times[0];
  }

  /** The sequence number of the earliest event, or `undefined` when empty. */
  peekSeq(): number | undefined {
    return this.count === 0 ? undefined : this.seqs[0];
  }

  /** The earliest event without removing it. */
  peek(): E | undefined {
    return this.count === 0 ? undefined : this.events[this.slotOf[0]!];
  }

  /** Removes and returns the earliest event with its time, or `undefined` when empty. */
  pop(): { timeMs: number; seq: number; item: E } | undefined {
    if (this.count === 0) return undefined;
    const timeMs = this.times[0]!;
    const seq = this.seqs[0]!;
    return { timeMs, seq, item: this.popItem()! };
  }

  /**
   * Removes the earliest event and returns it alone, or `undefined` when empty: the simulator's
   * loop reads the time with `peekTime` first, and so makes no object per event.
   */
  popItem(): E | undefined {
    if (this.count === 0) return undefined;
    const slot = this.slotOf[0]!;
    const item = this.events[slot]!;
    // Cleared so that the heap does not keep a handled event alive.
    this.events[slot] = undefined;
    this.freeSlots.push(slot);
    const last = --this.count;
    if (last > 0) this.siftDown(0, this.times[last]!, this.seqs[last]!, this.slotOf[last]!);
    return item;
  }

  // Sifting moves a "hole" instead of swapping pairs: one write per level instead of six.
  private siftUp(index: number, time: number, seq: number, slot: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const parentTime = this.times[parent]!;
      if (parentTime < time || (parentTime === time && this.seqs[parent]! < seq)) break;
      this.moveTo(child, parent);
      child = parent;
    }
    this.place(child, time, seq, slot);
  }

  private siftDown(index: number, time: number, seq: number, slot: number): void {
    const count = this.count;
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
    this.place(parent, time, seq, slot);
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private moveTo(to: number, from: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.slotOf[to] = this.slotOf[from]!;
  }

  private place(index: number, time: number, seq: number, slot: number): void {
    // Past the end only when the heap grows: the arrays then grow by one, as push would.
    this.times[index] = time;
    this.seqs[index] = seq;
    this.slotOf[index] = slot;
  }

  private grow(): void {
    const slotOf = new Int32Array(this.slotOf.length * 2);
    slotOf.set(this.slotOf);
    this.slotOf = slotOf;
  }
}
