import type { ObservedOutcome } from '../model/traffic.js';
import type { ImportedMessage, MessageSink } from './types.js';

/** What the log last said about one recipient. */
export type RecipientState = 'none' | 'sent' | 'deferred' | 'bounced';

/** A message whose lines are still arriving. */
export class OpenMessage {
  from: string | undefined;
  sizeBytes = 0;
  /** The log has shown where the message starts (Postfix qmgr `from=`, Exchange RECEIVE). */
  started = false;
  readonly recipients = new Map<string, RecipientState>();

  constructor(readonly id: string, public atEpochMs: number) {}

  /** Names a recipient, keeping what is known of it. */
  addRecipient(address: string): void {
    if (!this.recipients.has(address)) this.recipients.set(address, 'none');
  }

  /** Records a status; a final one (sent, bounced) is never taken back by a later deferral. */
  setState(address: string, state: RecipientState): void {
    const now = this.recipients.get(address);
    if (state === 'deferred' && (now === 'sent' || now === 'bounced')) return;
    this.recipients.set(address, state);
  }

  /** Whether every recipient named so far has a final status. */
  get settled(): boolean {
    if (this.recipients.size === 0) return false;
    for (const state of this.recipients.values()) if (state !== 'sent' && state !== 'bounced') return false;
    return true;
  }

  /** bounced if any recipient bounced; else deferred if any is still deferred; delivered if all were sent. */
  get observed(): ObservedOutcome {
    let sent = 0;
    let deferred = 0;
    for (const state of this.recipients.values()) {
      if (state === 'bounced') return 'bounced';
      if (state === 'sent') sent++;
      else if (state === 'deferred') deferred++;
    }
    if (deferred > 0) return 'deferred';
    return sent > 0 && sent === this.recipients.size ? 'delivered' : sent > 0 ? 'deferred' : 'unknown';
  }

  /** The finished message, or undefined when the log showed too little of it to replay. */
  toMessage(): ImportedMessage | undefined {
    if (!this.started || this.from === undefined || this.recipients.size === 0) return undefined;
    return { id: this.id, atEpochMs: this.atEpochMs, from: this.from, to: [...this.recipients.keys()], sizeBytes: this.sizeBytes, observed: this.observed };
  }
}

/**
 * Open messages by id, at most `maxOpen`: past that the oldest is closed as it stands, so a log
 * that never says a message is done cannot grow the importer without bound. Every operation is
 * O(1) amortised: insertion order lives in arrays, not in iteration over a Map with deletions (a
 * V8 Map iterated from the front after many deletions walks over every deleted slot).
 */
export class OpenMessages {
  private readonly open = new Map<string, OpenMessage>();
  /** Open messages in the order they were opened, with closed ones still in it until compacted. */
  private order: OpenMessage[] = [];
  private orderHead = 0;
  /** Ids recently finished, so their stragglers are not taken for new, partial messages. */
  private readonly recent = new Set<string>();
  private readonly recentRing: (string | undefined)[];
  private recentNext = 0;
  incomplete = 0;

  constructor(private readonly maxOpen: number) {
    this.recentRing = new Array<string | undefined>(Math.max(1, maxOpen));
  }

  get size(): number {
    return this.open.size;
  }

  get(id: string): OpenMessage | undefined {
    return this.open.get(id);
  }

  /** Whether the id finished a moment ago. */
  recentlyClosed(id: string): boolean {
    return this.recent.has(id);
  }

  /** Opens a message; a reused id (a later message with the same queue id) starts afresh. */
  create(id: string, atEpochMs: number, emit: MessageSink): OpenMessage {
    this.recent.delete(id);
    const message = new OpenMessage(id, atEpochMs);
    this.open.set(id, message);
    this.order.push(message);
    if (this.open.size > this.maxOpen) this.closeOldest(emit);
    if (this.order.length - this.orderHead > 2 * this.open.size + 1024) this.compact();
    return message;
  }

  /** Closes a message: emits it, or counts it incomplete when the log showed too little. */
  close(id: string, emit: MessageSink): void {
    const message = this.open.get(id);
    if (message === undefined) return;
    this.open.delete(id);
    this.remember(id);
    const finished = message.toMessage();
    if (finished === undefined) this.incomplete++;
    else emit(finished);
  }

  /** Closes every open message, oldest first. */
  closeAll(emit: MessageSink): void {
    for (let i = this.orderHead; i < this.order.length; i++) {
      const message = this.order[i]!;
      if (this.open.get(message.id) === message) this.close(message.id, emit);
    }
    this.order = [];
    this.orderHead = 0;
  }

  private closeOldest(emit: MessageSink): void {
    while (this.orderHead < this.order.length) {
      const message = this.order[this.orderHead++]!;
      if (this.open.get(message.id) === message) {
        this.close(message.id, emit);
        return;
      }
    }
  }

  /** Drops closed messages from the order list (amortised: only when they outnumber the open). */
  private compact(): void {
    this.order = this.order.slice(this.orderHead).filter((message) => this.open.get(message.id) === message);
    this.orderHead = 0;
  }

  private remember(id: string): void {
    const old = this.recentRing[this.recentNext];
    if (old !== undefined) this.recent.delete(old);
    this.recentRing[this.recentNext] = id;
    this.recent.add(id);
    this.recentNext = (this.recentNext + 1) % this.recentRing.length;
  }
}
