/**
 * A fixed-capacity log: pushing past capacity drops the oldest. Entries keep a sequence number
 * that never repeats, so a scrolled view can stay anchored to an entry while new ones arrive.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private next = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Appends; returns the entry's sequence number. */
  push(item: T): number {
    this.items[this.next % this.capacity] = item;
    return this.next++;
  }

  /** Sequence number of the oldest entry kept. */
  get first(): number {
    return Math.max(0, this.next - this.capacity);
  }

  /** Sequence number of the newest entry (first - 1 when empty). */
  get last(): number {
    return this.next - 1;
  }

  /** Entries ever pushed. */
  get total(): number {
    return this.next;
  }

  /** The entry with sequence number `seq`, if still kept. */
  at(seq: number): T | undefined {
    if (seq < this.first || seq > this.last) return undefined;
    return this.items[seq % this.capacity];
  }
}
