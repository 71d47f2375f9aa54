import type { Conversation } from '../smtp-peer.js';
import { HopLabels, type HopLabel } from './hop-labels.js';
import { SmallInterner } from './small-interner.js';
import type { AttemptRecord } from './types.js';

const outcomes = ['accepted', 'deferred', 'rejected'] as const;

/** Entries per chunk. */
const chunkSize = 4096;
/** previous attempt of the message (or -1); session length, ms; retry less end time, ms (or a marker); hop; extra (or -1). */
const intColumns = 5;
/** outcome, server, link (0: none), source address, rule, conversation (or `inExtra`). */
const nameColumns = 6;
const noRetry = -1;
const farRetry = -2;
const maxOffset = 0x7fffffff;
const maxNameId = 0xffff;
const inExtra = 0xffff;
/** Conversations most attempts share (accepted, the usual refusals) get small ids; the rest go in the extras. */
const sharedConversationLimit = 32;

/** One chunk of columns: typed arrays only, which the collector never scans. */
class Chunk {
  readonly startMs = new Float64Array(chunkSize);
  readonly ints = new Int32Array(chunkSize * intColumns);
  readonly names = new Uint16Array(chunkSize * nameColumns);
}

/**
 * Every attempt of a run, stored by column in fixed-size chunks of typed arrays rather than as
 * one object each. A busy day holds millions of attempts, and heap memory the replay takes for
 * the first time costs about as much as the work that fills it (references, at 8 bytes each,
 * most of all), so a row is numbers only: the start time; end and retry times as offsets; the
 * hop by its number; servers, links, source addresses, rules and the few conversations most
 * attempts share as 16-bit ids. What does not fit — a conversation of its own, recipients other
 * than the message's — goes in a side list the row points to. Records are rebuilt by `get`.
 */
export class AttemptLog {
  /** The hops attempts name, numbered. */
  readonly hops = new HopLabels();
  private size = 0;
  private readonly chunks: Chunk[] = [];
  private readonly names = new SmallInterner();
  private readonly conversations: Conversation[] = [];
  /** Pairs of (conversation or undefined, recipients or undefined) for rows that need them. */
  private readonly extras: unknown[] = [];
  private readonly farRetries = new Map<number, number>();
  private lastConversation: Conversation | undefined;
  private lastConversationId = 0;

  /** Number of attempts stored. */
  get length(): number {
    return this.size;
  }

  /**
   * Stores an attempt to `hop` after `previous` (the message's last attempt, or -1); returns its
   * index. `ownRecipients`: the attempt carries the message's own recipient list, as most do, so
   * the row need not keep it. The caller says so, rather than the log comparing the lists: that
   * comparison would read the list, a cache miss a million times a day.
   */
  append(record: AttemptRecord, conversation: Conversation, hop: HopLabel, ownRecipients: boolean, previous: number): number {
    const index = this.size++;
    const slot = index % chunkSize;
    if (slot === 0) this.chunks.push(new Chunk());
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.startMs[slot] = record.atMs;
    const conversationId = this.conversationId(conversation);
    const ints = chunk.ints;
    const i = slot * intColumns;
    ints[i] = previous;
    ints[i + 1] = record.endMs - record.atMs;
    ints[i + 2] = this.retryOffset(index, record);
    ints[i + 3] = hop.id;
    ints[i + 4] = conversationId === inExtra || !ownRecipients ? this.addExtra(conversationId === inExtra ? conversation : undefined, ownRecipients ? undefined : record.recipients) : -1;
    const names = chunk.names;
    const n = slot * nameColumns;
    names[n] = record.outcome === 'accepted' ? 0 : record.outcome === 'deferred' ? 1 : 2;
    names[n + 1] = this.nameId(record.server);
    names[n + 2] = record.link === null ? 0 : this.nameId(record.link) + 1;
    names[n + 3] = this.nameId(record.sourceAddress);
    names[n + 4] = this.nameId(record.rule);
    names[n + 5] = conversationId;
    return index;
  }

  /**
   * The attempt before `index` of the same message, or -1: a list per message linked backwards,
   * so that storing an attempt writes only its own row, not one written hours before.
   */
  previousOf(index: number): number {
    return this.chunks[Math.floor(index / chunkSize)]!.ints[(index % chunkSize) * intColumns]!;
  }

  /** Rebuilds attempt `index` of the message `messageId`, whose recipients are `ownRecipients`. */
  get(index: number, messageId: string, ownRecipients: readonly string[]): AttemptRecord {
    const chunk = this.chunks[Math.floor(index / chunkSize)]!;
    const slot = index % chunkSize;
    const i = slot * intColumns;
    const n = slot * nameColumns;
    const extra = chunk.ints[i + 4]!;
    const conversationId = chunk.names[n + 5]!;
    const conversation = conversationId === inExtra ? (this.extras[extra] as Conversation) : this.conversations[conversationId]!;
    const recipients = extra >= 0 ? ((this.extras[extra + 1] as readonly string[] | undefined) ?? ownRecipients) : ownRecipients;
    const atMs = chunk.startMs[slot]!;
    const endMs = atMs + chunk.ints[i + 1]!;
    const retry = chunk.ints[i + 2]!;
    const hop = this.hops.get(chunk.ints[i + 3]!);
    const link = chunk.names[n + 2]!;
    return {
      messageId,
      atMs,
      endMs,
      server: this.names.name(chunk.names[n + 1]!),
      nextHop: hop.host,
      nextHopAddress: hop.address,
      link: link === 0 ? null : this.names.name(link - 1),
      sourceAddress: this.names.name(chunk.names[n + 3]!),
      rule: this.names.name(chunk.names[n + 4]!),
      recipients,
      reply: conversation.reply,
      reason: conversation.reason,
      checks: conversation.checks,
      outcome: outcomes[chunk.names[n]!]!,
      retryAtMs: retry === noRetry ? null : retry === farRetry ? this.farRetries.get(index)! : endMs + retry,
    };
  }

  /** A small id for one of the few conversations most attempts share, found by a scan; else `inExtra`. */
  private conversationId(conversation: Conversation): number {
    if (conversation === this.lastConversation) return this.lastConversationId;
    const id = this.findConversation(conversation);
    if (id !== inExtra) {
      this.lastConversation = conversation;
      this.lastConversationId = id;
    }
    return id;
  }

  private findConversation(conversation: Conversation): number {
    const known = this.conversations;
    for (let id = 0; id < known.length; id++) if (known[id] === conversation) return id;
    if (known.length >= sharedConversationLimit) return inExtra;
    known.push(conversation);
    return known.length - 1;
  }

  private addExtra(conversation: Conversation | undefined, recipients: readonly string[] | undefined): number {
    const at = this.extras.length;
    this.extras.push(conversation, recipients);
    return at;
  }

  private retryOffset(index: number, record: AttemptRecord): number {
    if (record.retryAtMs === null) return noRetry;
    const offset = record.retryAtMs - record.endMs;
    if (offset >= 0 && offset < maxOffset) return offset;
    this.farRetries.set(index, record.retryAtMs);
    return farRetry;
  }

  private nameId(name: string): number {
    const id = this.names.id(name);
    // Past 65,535 distinct names a 16-bit column would wrap and mislabel attempts silently.
    if (id >= maxNameId) throw new RangeError(`more than ${maxNameId} distinct servers, links, addresses and rules in one run`);
    return id;
  }
}
