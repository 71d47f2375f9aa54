const initialCapacity = 16;

/**
 * A first-in, first-out queue on a ring buffer: `push` and `shift` in O(1), and no new array
 * unless it fills up (then it doubles). A queue that many items pass through, a few at a time,
 * reuses one array instead of growing and splicing one: a busy day's mail queue sees a million
 * deliveries pass, and every array it makes is memory the collector must then reclaim.
 */
export class Fifo<T> {
  /** Capacity is always a power of two, so positions wrap with a mask. */
  private items: (T | undefined)[] = new Array<T | undefined>(initialCapacity).fill(undefined);
  private head = 0;
  private count = 0;

  /** Items waiting. */
  get length(): number {
    return this.count;
  }

  /** Adds `item` at the back. */
  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = item;
    this.count++;
  }

  /** Takes the item at the front, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    // Cleared so that the queue does not keep what it handed out alive.
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return item;
  }

  /** The items, front first, without taking them. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.items[(this.head + i) & (this.items.length - 1)] as T;
  }

  private grow(): void {
    const items = new Array<T | undefined>(this.items.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) & (this.items.length - 1)];
    this.items = items;
    this.head = 0;
  }
}
