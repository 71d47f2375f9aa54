import type { MessageRecord } from '../../run/types.js';
import type { MessageFacts } from '../state/filter.js';
import type { MessageState } from '../state/message-state.js';
import type { MessageIndex } from './message-index.js';

/**
 * The facts of one indexed message, answered from the index's arrays. One reusable object moved
 * from message to message: a scan allocates nothing per message.
 */
export class IndexFacts implements MessageFacts {
  private seq = 0;
  private message!: MessageRecord;
  private readonly masks = new Map<string, number>();
  private version = -1;

  constructor(private readonly index: MessageIndex) {}

  at(seq: number): this {
    this.seq = seq;
    this.message = this.index.message(seq);
    return this;
  }

  get id(): string {
    return this.message.spec.id;
  }

  get from(): string {
    return this.message.spec.from;
  }

  get to(): readonly string[] {
    return this.message.spec.to;
  }

  get state(): MessageState {
    return this.index.stateOf(this.seq);
  }

  get failed(): boolean {
    return this.index.failed(this.seq);
  }

  usedLink(name: string): boolean {
    return (this.index.bitsOf(this.seq, 'links') & this.mask(`l:${name}`, () => this.index.linkMask(name))) !== 0;
  }

  hadReason(prefix: string): boolean {
    return (this.index.bitsOf(this.seq, 'reasons') & this.mask(`r:${prefix}`, () => this.index.reasonMask(prefix))) !== 0;
  }

  /** A term's mask, computed once per term until a new link or reason turns up. */
  private mask(key: string, compute: () => number): number {
    if (this.version !== this.index.bitsVersion) {
      this.masks.clear();
      this.version = this.index.bitsVersion;
    }
    let mask = this.masks.get(key);
    if (mask === undefined) {
      mask = compute();
      this.masks.set(key, mask);
    }
    return mask;
  }
}
