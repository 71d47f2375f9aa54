import { reasons, type AttemptRecord, type MessageRecord, type MessageStatus } from '../../run/types.js';
import { isOpenFilter, matchesFacts, recordFacts, sameFilter, type MessageFilter } from '../state/filter.js';
import { IndexFacts } from './index-facts.js';
import { identityView, lowerBound, sortedView, type ListView } from '../state/list-view.js';
import { messageState, stateFrom, type MessageState } from '../state/message-state.js';

const stateCodes: readonly MessageState[] = ['queued', 'deferred', 'delivered', 'bounced'];
/** Bit 31 stands for every link or reason past the first 31: such messages are checked the slow way. */
const overflowBit = 1 << 31;

/**
 * The message list, kept up to date event by event so no frame rescans every message: the
 * submission order; each message's list state, links used, reasons met and whether it ever failed
 * (so filters never read attempt lists); and — while a filter is set — the sorted sequence numbers
 * that pass it. A new filter is applied by a scan that the controller runs in time-boxed steps,
 * so typing into the filter line stays instant however many messages there are.
 */
export class MessageIndex {
  private readonly indexById = new Map<string, number>();
  /** Submission sequence number → position in `messages`. */
  private readonly indexOfSeq: Int32Array;
  private readonly seqOfIndex: Int32Array;
  private readonly stateOfSeq: Uint8Array;
  private readonly failedOfSeq: Uint8Array;
  private readonly linksOfSeq: Int32Array;
  private readonly reasonsOfSeq: Int32Array;
  private readonly linkBits = new Map<string, number>();
  private readonly reasonBits = new Map<string, number>(Object.keys(reasons).map((reason, i) => [reason, 1 << i]));
  private submitted = 0;
  private readonly counts = [0, 0, 0, 0];
  private filter: MessageFilter | null = null;
  private matching: number[] = [];
  /** Messages below this sequence number have been checked against the filter. */
  private scanned = 0;
  private dirty: number[] = [];
  private readonly dirtyFlag: Uint8Array;
  private readonly facts: IndexFacts;

  constructor(private readonly messages: readonly MessageRecord[]) {
    const n = messages.length;
    this.indexOfSeq = new Int32Array(n);
    this.seqOfIndex = new Int32Array(n).fill(-1);
    this.stateOfSeq = new Uint8Array(n);
    this.failedOfSeq = new Uint8Array(n);
    this.linksOfSeq = new Int32Array(n);
    this.reasonsOfSeq = new Int32Array(n);
    this.dirtyFlag = new Uint8Array(n);
    messages.forEach((message, index) => this.indexById.set(message.spec.id, index));
    this.facts = new IndexFacts(this);
  }

  /** Messages submitted so far. */
  get submittedCount(): number {
    return this.submitted;
  }

  /** How many submitted messages are in each list state now. */
  get stateCounts(): Readonly<Record<MessageState, number>> {
    return { queued: this.counts[0]!, deferred: this.counts[1]!, delivered: this.counts[2]!, bounced: this.counts[3]! };
  }

  /** Share of the submitted messages a new filter has been checked against, 0..1 (1 when done). */
  get scanProgress(): number {
    return this.filter === null || this.submitted === 0 ? 1 : Math.min(1, this.scanned / this.submitted);
  }

  /** A message entered the first server: it joins the list at the end. Returns its sequence number. */
  submit(id: string): number {
    const index = this.indexById.get(id);
    if (index === undefined || this.seqOfIndex[index] !== -1) return -1;
    const seq = this.submitted++;
    this.indexOfSeq[seq] = index;
    this.seqOfIndex[index] = seq;
    this.counts[0]!++;
    this.changed(seq, undefined);
    return seq;
  }

  /** An attempt ended: note its link, reason and outcome, recount, re-check against the filter. */
  attempt(attempt: AttemptRecord): void {
    const seq = this.seqOf(attempt.messageId);
    if (seq === undefined) return;
    if (attempt.link !== null) this.linksOfSeq[seq]! |= this.linkBit(attempt.link);
    this.reasonsOfSeq[seq]! |= this.reasonBit(attempt.reason);
    if (attempt.outcome !== 'accepted') this.failedOfSeq[seq] = 1;
    this.changed(seq, attempt);
  }

  /** A message finished: delivered, or bounced (why is its final reason). */
  finished(id: string): void {
    const seq = this.seqOf(id);
    if (seq === undefined) return;
    const message = this.message(seq);
    if (message.status === 'bounced') this.failedOfSeq[seq] = 1;
    if (message.finalReason !== null) this.reasonsOfSeq[seq]! |= this.reasonBit(message.finalReason);
    this.changed(seq, undefined);
  }

  /** The sequence number of a submitted message. */
  seqOf(id: string): number | undefined {
    const index = this.indexById.get(id);
    if (index === undefined) return undefined;
    const seq = this.seqOfIndex[index]!;
    return seq === -1 ? undefined : seq;
  }

  /** The message with sequence number `seq`. */
  message(seq: number): MessageRecord {
    return this.messages[this.indexOfSeq[seq]!]!;
  }

  /** Sets the filter; a new one starts a scan, run by {@link scan}. */
  setFilter(filter: MessageFilter): void {
    const next = isOpenFilter(filter) ? null : filter;
    if (next === null ? this.filter === null : this.filter !== null && sameFilter(this.filter, next)) return;
    this.filter = next;
    for (const seq of this.dirty) this.dirtyFlag[seq] = 0;
    this.dirty = [];
    this.matching = [];
    this.scanned = 0;
  }

  /**
   * Checks messages not yet checked against the filter until `deadline` (a `now()` reading);
   * returns whether the view is complete. The clock is read every `block` messages.
   */
  scan(now: () => number, deadline: number, block = 1024): boolean {
    const filter = this.filter;
    if (filter === null) return true;
    while (this.scanned < this.submitted) {
      const end = Math.min(this.submitted, this.scanned + block);
      for (let seq = this.scanned; seq < end; seq++) if (this.matches(seq, filter)) this.matching.push(seq);
      this.scanned = end;
      if (now() >= deadline) break;
    }
    return this.scanned >= this.submitted;
  }

  /** The list as the filter shows it now (partial while a scan is under way). */
  view(): ListView {
    if (this.filter === null) return identityView(this.submitted);
    this.flush(this.filter);
    return sortedView(this.matching);
  }

  /** Whether the message has ever failed (read by the list, cheaply). */
  failed(seq: number): boolean {
    return this.failedOfSeq[seq] === 1;
  }

  /** @internal For {@link IndexFacts}: the list state of a message. */
  stateOf(seq: number): MessageState {
    return stateCodes[this.stateOfSeq[seq]!]!;
  }

  /** @internal For {@link IndexFacts}: bits of the links a message used, and of its reasons. */
  bitsOf(seq: number, kind: 'links' | 'reasons'): number {
    return (kind === 'links' ? this.linksOfSeq : this.reasonsOfSeq)[seq]!;
  }

  /** @internal Changes whenever a link or reason gets a bit, so cached masks know to refresh. */
  get bitsVersion(): number {
    return this.linkBits.size * 1000 + this.reasonBits.size;
  }

  /** @internal The bits of the links whose lower-case name is `name`; overflow means "look". */
  linkMask(name: string): number {
    let mask = 0;
    for (const [link, bit] of this.linkBits) if (link.toLowerCase() === name) mask |= bit;
    return mask;
  }

  /** @internal The bits of the reasons starting with `prefix`. */
  reasonMask(prefix: string): number {
    let mask = 0;
    for (const [reason, bit] of this.reasonBits) if (reason.startsWith(prefix)) mask |= bit;
    return mask;
  }

  private matches(seq: number, filter: MessageFilter): boolean {
    if (filter.failuresOnly && this.failedOfSeq[seq] === 0) return false;
    const needsRecord = (this.linksOfSeq[seq]! | this.reasonsOfSeq[seq]!) & overflowBit;
    return needsRecord !== 0 ? matchesFacts(recordFacts(this.message(seq)), filter) : matchesFacts(this.facts.at(seq), filter);
  }

  private changed(seq: number, latest: AttemptRecord | undefined): void {
    const message = this.message(seq);
    const state = latest !== undefined || message.status !== 'pending' ? stateFrom(message.status as MessageStatus, latest) : messageState(message);
    const code = stateCodes.indexOf(state);
    const before = this.stateOfSeq[seq]!;
    if (code !== before) {
      this.counts[before]!--;
      this.counts[code]!++;
      this.stateOfSeq[seq] = code;
    }
    // Messages the scan has not reached yet will be checked when it does.
    if (this.filter !== null && seq < this.scanned && this.dirtyFlag[seq] === 0) {
      this.dirtyFlag[seq] = 1;
      this.dirty.push(seq);
    }
  }

  /** Re-checks the messages that changed since the last look, keeping `matching` sorted. */
  private flush(filter: MessageFilter): void {
    if (this.dirty.length === 0) return;
    for (const seq of this.dirty) {
      this.dirtyFlag[seq] = 0;
      const at = lowerBound(this.matching, seq);
      const present = this.matching[at] === seq;
      const matches = this.matches(seq, filter);
      if (matches && !present) {
        if (at === this.matching.length) this.matching.push(seq);
        else this.matching.splice(at, 0, seq);
      } else if (!matches && present) {
        this.matching.splice(at, 1);
      }
    }
    this.dirty = [];
  }

  private linkBit(link: string): number {
    let bit = this.linkBits.get(link);
    if (bit === undefined) {
      bit = this.linkBits.size < 31 ? 1 << this.linkBits.size : overflowBit;
      this.linkBits.set(link, bit);
    }
    return bit;
  }

  private reasonBit(reason: string): number {
    let bit = this.reasonBits.get(reason);
    if (bit === undefined) {
      bit = this.reasonBits.size < 31 ? 1 << this.reasonBits.size : overflowBit;
      this.reasonBits.set(reason, bit);
    }
    return bit;
  }
}
