import type { Reason } from '../reasons.js';
import type { Conversation } from '../smtp-peer.js';
import { HopLabels, type HopLabel } from './hop-labels.js';
import { SmallInterner } from './small-interner.js';
import type { AttemptOutcome, AttemptRecord, SessionFacts } from './types.js';

const outcomes: readonly AttemptOutcome[] = ['accepted', 'deferred', 'rejected'];

/**
 * Entries per chunk. Large enough that each column's array (128 KB and up) is above the C
 * allocator's mmap threshold, so it arrives as fresh zeroed pages rather than being zeroed again.
 */
export const attemptLogChunkRows = 16384;
const chunkSize = attemptLogChunkRows;
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
   * Stores a session of `server` to `hop` that went as `conversation`, after `previous` (the
   * message's last attempt, or -1); returns its index. `recipients`: the session's recipients, or
   * undefined when they are the message's own list, as for most sessions, so the row need not
   * keep it. The caller says so, rather than the log comparing the lists: that comparison would
   * read the list, a cache miss a million times a day.
   */
  append(previous: number, facts: SessionFacts, server: string, hop: HopLabel, conversation: Conversation, recipients: readonly string[] | undefined): number {
    const index = this.size++;
    const slot = index % chunkSize;
    if (slot === 0) this.chunks.push(new Chunk());
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.startMs[slot] = facts.atMs;
    const conversationId = this.conversationId(conversation);
    const ints = chunk.ints;
    const i = slot * intColumns;
    ints[i] = previous;
    ints[i + 1] = facts.endMs - facts.atMs;
    ints[i + 2] = this.retryOffset(index, facts);
    ints[i + 3] = hop.id;
    ints[i + 4] = conversationId === inExtra || recipients !== undefined ? this.addExtra(conversationId === inExtra ? conversation : undefined, recipients) : -1;
    const names = chunk.names;
    const n = slot * nameColumns;
    names[n] = facts.outcome === 'accepted' ? 0 : facts.outcome === 'deferred' ? 1 : 2;
    names[n + 1] = this.nameId(server);
    names[n + 2] = facts.link === null ? 0 : this.nameId(facts.link) + 1;
    names[n + 3] = this.nameId(facts.sourceAddress);
    names[n + 4] = this.nameId(facts.rule);
    names[n + 5] = conversationId;
    return index;
  }

  /** How attempt `index` went. */
  outcomeOf(index: number): AttemptOutcome {
    return outcomes[this.chunkOf(index).names[(index % chunkSize) * nameColumns]!]!;
  }

  /** Why attempt `index` went as it did. */
  reasonOf(index: number): Reason {
    return this.conversationOf(this.chunkOf(index), index % chunkSize).reason;
  }

  /** The egress link of attempt `index`, or null. */
  linkOf(index: number): string | null {
    const link = this.chunkOf(index).names[(index % chunkSize) * nameColumns + 2]!;
    return link === 0 ? null : this.names.name(link - 1);
  }

  /**
   * The attempt before `index` of the same message, or -1: a list per message linked backwards,
   * so that storing an attempt writes only its own row, not one written hours before.
   */
  previousOf(index: number): number {
    return this.chunkOf(index).ints[(index % chunkSize) * intColumns]!;
  }

  /** Rebuilds attempt `index` of the message `messageId`, whose recipients are `ownRecipients`. */
  get(index: number, messageId: string, ownRecipients: readonly string[]): AttemptRecord {
    const chunk = this.chunkOf(index);
    const slot = index % chunkSize;
    const i = slot * intColumns;
    const n = slot * nameColumns;
    const extra = chunk.ints[i + 4]!;
    const conversation = this.conversationOf(chunk, slot);
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

  private chunkOf(index: number): Chunk {
    return this.chunks[Math.floor(index / chunkSize)]!;
  }

  private conversationOf(chunk: Chunk, slot: number): Conversation {
    const id = chunk.names[slot * nameColumns + 5]!;
    return id === inExtra ? (this.extras[chunk.ints[slot * intColumns + 4]!] as Conversation) : this.conversations[id]!;
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

  private retryOffset(index: number, facts: SessionFacts): number {
    if (facts.retryAtMs === null) return noRetry;
    const offset = facts.retryAtMs - facts.endMs;
    if (offset >= 0 && offset < maxOffset) return offset;
    this.farRetries.set(index, facts.retryAtMs);
    return farRetry;
  }

  private nameId(name: string): number {
    const id = this.names.id(name);
    // Past 65,535 distinct names a 16-bit column would wrap and mislabel attempts silently.
    if (id >= maxNameId) throw new RangeError(`more than ${maxNameId} distinct servers, links, addresses and rules in one run`);
    return id;
  }
}
