import type { Reason } from '../reasons.js';
import type { Conversation } from '../smtp-peer.js';
import { HopLabels, type HopLabel } from './hop-labels.js';
import { AttemptPaths } from './attempt-paths.js';
import type { AttemptOutcome, AttemptRecord, SessionFacts } from './types.js';

const outcomes: readonly AttemptOutcome[] = ['accepted', 'deferred', 'rejected'];

/** Entries per chunk: 384 KB each, so a day of a million messages takes about 150 of them. */
export const attemptLogChunkRows = 16384;
const chunkSize = attemptLogChunkRows;
/**
 * previous attempt of the message (or -1); start, ms after the chunk's base (or `farMarker`);
 * session length, ms; retry less end time, ms (or a marker); hop; and a packed word: path id in
 * bits 16–31, shared conversation id in bits 3–15 (`inExtra`: one of its own), `hasExtra` in
 * bit 2, outcome in bits 0–1.
 */
const columns = 6;
const noRetry = -1;
const farMarker = -0x80000000;
const maxOffset = 0x7fffffff;
/** Conversations most attempts share (accepted, the usual refusals) get small ids; the rest go in the extras. */
const sharedConversationLimit = 32;
const inExtra = 0x1fff;
const hasExtra = 4;

/**
 * One chunk of rows: one typed array, which the collector never scans. Start times are offsets
 * from the chunk's first, rows being stored in order of their sessions' ends.
 */
class Chunk {
  readonly ints = new Int32Array(chunkSize * columns);
  constructor(readonly baseMs: number) {}
}

/**
 * Every attempt of a run, stored in fixed-size chunks of typed arrays rather than as one object
 * each. A busy day holds millions of attempts, and memory the replay takes for the first time
 * costs about as much as the work that fills it (and, outside the JS heap, counts towards a full
 * collection), so a row is six 32-bit numbers, 24 bytes: the previous attempt of the message; the
 * start as an offset; session length and retry as offsets; the hop by its number; the path
 * (server, link, source address, rule), the conversation among the few most attempts share, and
 * the outcome packed in one. What does not fit — a conversation of its own, recipients other
 * than the message's, a time too far off — goes in side maps by row. Records are rebuilt by `get`.
 */
export class AttemptLog {
  /** The hops attempts name, numbered. */
  readonly hops = new HopLabels();
  private size = 0;
  private readonly chunks: Chunk[] = [];
  private readonly paths = new AttemptPaths();
  private readonly conversations: Conversation[] = [];
  /** The conversation of its own (or undefined) and recipients (or undefined) of rows that need them. */
  private readonly extras = new Map<number, { readonly conversation: Conversation | undefined; readonly recipients: readonly string[] | undefined }>();
  private readonly farStarts = new Map<number, number>();
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
    if (slot === 0) this.chunks.push(new Chunk(facts.atMs));
    const chunk = this.chunks[this.chunks.length - 1]!;
    const conversationId = this.conversationId(conversation);
    const extra = conversationId === inExtra || recipients !== undefined;
    if (extra) this.extras.set(index, { conversation: conversationId === inExtra ? conversation : undefined, recipients });
    const path = this.paths.id(server, facts.link, facts.sourceAddress, facts.rule);
    const outcome = facts.outcome === 'accepted' ? 0 : facts.outcome === 'deferred' ? 1 : 2;
    const ints = chunk.ints;
    const i = slot * columns;
    ints[i] = previous;
    ints[i + 1] = this.startOffset(index, chunk, facts.atMs);
    ints[i + 2] = facts.endMs - facts.atMs;
    ints[i + 3] = this.retryOffset(index, facts);
    ints[i + 4] = hop.id;
    ints[i + 5] = (path << 16) | (conversationId << 3) | (extra ? hasExtra : 0) | outcome;
    return index;
  }

  /** How attempt `index` went. */
  outcomeOf(index: number): AttemptOutcome {
    return outcomes[this.packedOf(index) & 3]!;
  }

  /** Why attempt `index` went as it did. */
  reasonOf(index: number): Reason {
    return this.conversationOf(index, this.packedOf(index)).reason;
  }

  /** The egress link of attempt `index`, or null. */
  linkOf(index: number): string | null {
    return this.paths.path(this.packedOf(index) >>> 16).link;
  }

  /**
   * The attempt before `index` of the same message, or -1: a list per message linked backwards,
   * so that storing an attempt writes only its own row, not one written hours before.
   */
  previousOf(index: number): number {
    return this.chunkOf(index).ints[(index % chunkSize) * columns]!;
  }

  /** Rebuilds attempt `index` of the message `messageId`, whose recipients are `ownRecipients`. */
  get(index: number, messageId: string, ownRecipients: readonly string[]): AttemptRecord {
    const chunk = this.chunkOf(index);
    const i = (index % chunkSize) * columns;
    const packed = chunk.ints[i + 5]!;
    const conversation = this.conversationOf(index, packed);
    const recipients = (packed & hasExtra) !== 0 ? (this.extras.get(index)!.recipients ?? ownRecipients) : ownRecipients;
    const start = chunk.ints[i + 1]!;
    const atMs = start === farMarker ? this.farStarts.get(index)! : chunk.baseMs + start;
    const endMs = atMs + chunk.ints[i + 2]!;
    const retry = chunk.ints[i + 3]!;
    const hop = this.hops.get(chunk.ints[i + 4]!);
    const path = this.paths.path(packed >>> 16);
    return {
      messageId,
      atMs,
      endMs,
      server: path.server,
      nextHop: hop.host,
      nextHopAddress: hop.address,
      link: path.link,
      sourceAddress: path.sourceAddress,
      rule: path.rule,
      recipients,
      reply: conversation.reply,
      reason: conversation.reason,
      checks: conversation.checks,
      outcome: outcomes[packed & 3]!,
      retryAtMs: retry === noRetry ? null : retry === farMarker ? this.farRetries.get(index)! : endMs + retry,
    };
  }

  private chunkOf(index: number): Chunk {
    return this.chunks[Math.floor(index / chunkSize)]!;
  }

  private packedOf(index: number): number {
    return this.chunkOf(index).ints[(index % chunkSize) * columns + 5]!;
  }

  private conversationOf(index: number, packed: number): Conversation {
    const id = (packed >>> 3) & inExtra;
    return id === inExtra ? this.extras.get(index)!.conversation! : this.conversations[id]!;
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

  /** The start as an offset from the chunk's base, or `farMarker` with the time kept aside. */
  private startOffset(index: number, chunk: Chunk, atMs: number): number {
    const offset = atMs - chunk.baseMs;
    if (offset > farMarker && offset <= maxOffset) return offset;
    this.farStarts.set(index, atMs);
    return farMarker;
  }

  private retryOffset(index: number, facts: SessionFacts): number {
    if (facts.retryAtMs === null) return noRetry;
    const offset = facts.retryAtMs - facts.endMs;
    if (offset >= 0 && offset <= maxOffset) return offset;
    this.farRetries.set(index, facts.retryAtMs);
    return farMarker;
  }
}
