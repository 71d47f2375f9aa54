import type { Conversation } from '../smtp-peer.js';
import { SmallInterner } from './small-interner.js';
import type { AttemptRecord } from './types.js';

const outcomes = ['accepted', 'deferred', 'rejected'] as const;

/** Entries per chunk: small enough that each column is an ordinary heap object, not a large one. */
const chunkSize = 4096;
/** next attempt of the message; session length, ms; retry time less end time, ms (or a marker). */
const intColumns = 3;
/** outcome, server, link (0: none), source address, rule: ids of a few distinct values each. */
const nameColumns = 5;
/** next hop, next hop address, conversation, recipients. */
const refColumns = 4;
/** Offsets that do not fit an Int32 (a retry weeks away) are kept aside, by attempt index. */
const noRetry = -1;
const farRetry = -2;
const maxOffset = 0x7fffffff;
const maxNameId = 0xffff;

/** One chunk of columns. */
class Chunk {
  readonly startMs = new Float64Array(chunkSize);
  readonly ints = new Int32Array(chunkSize * intColumns);
  readonly names = new Uint16Array(chunkSize * nameColumns);
  readonly refs: unknown[] = new Array(chunkSize * refColumns);
}

/**
 * Every attempt of a run, stored by column in fixed-size chunks rather than as one object each.
 * A busy day holds millions of attempts, and every byte of a row is memory the replay touches
 * for the first time, so rows are kept small: the start time as a double, the end and retry
 * times as offsets from it, the few distinct servers, links, source addresses and rules as
 * 16-bit ids, and only the next hop, the conversation and the recipient list as references to
 * values the world already shares. Records are rebuilt on demand by `get`.
 */
export class AttemptLog {
  private size = 0;
  private readonly chunks: Chunk[] = [];
  private readonly names = new SmallInterner();
  private readonly farRetries = new Map<number, number>();

  /** Number of attempts stored. */
  get length(): number {
    return this.size;
  }

  /** Stores an attempt after `previous` (the message's last attempt, or -1); returns its index. */
  append(record: AttemptRecord, conversation: Conversation, previous: number): number {
    const index = this.size++;
    const slot = index % chunkSize;
    if (slot === 0) this.chunks.push(new Chunk());
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.startMs[slot] = record.atMs;
    const ints = chunk.ints;
    const i = slot * intColumns;
    ints[i] = -1;
    ints[i + 1] = record.endMs - record.atMs;
    ints[i + 2] = this.retryOffset(index, record);
    const names = chunk.names;
    const n = slot * nameColumns;
    names[n] = record.outcome === 'accepted' ? 0 : record.outcome === 'deferred' ? 1 : 2;
    names[n + 1] = this.nameId(record.server);
    names[n + 2] = record.link === null ? 0 : this.nameId(record.link) + 1;
    names[n + 3] = this.nameId(record.sourceAddress);
    names[n + 4] = this.nameId(record.rule);
    const refs = chunk.refs;
    const r = slot * refColumns;
    refs[r] = record.nextHop;
    refs[r + 1] = record.nextHopAddress;
    refs[r + 2] = conversation;
    refs[r + 3] = record.recipients;
    if (previous >= 0) this.chunks[Math.floor(previous / chunkSize)]!.ints[(previous % chunkSize) * intColumns] = index;
    return index;
  }

  /** The attempt after `index` of the same message, or -1: a linked list per message, no arrays. */
  nextOf(index: number): number {
    return this.chunks[Math.floor(index / chunkSize)]!.ints[(index % chunkSize) * intColumns]!;
  }

  /** Rebuilds attempt `index` of the message `messageId`. */
  get(index: number, messageId: string): AttemptRecord {
    const chunk = this.chunks[Math.floor(index / chunkSize)]!;
    const slot = index % chunkSize;
    const i = slot * intColumns;
    const n = slot * nameColumns;
    const r = slot * refColumns;
    const conversation = chunk.refs[r + 2] as Conversation;
    const atMs = chunk.startMs[slot]!;
    const endMs = atMs + chunk.ints[i + 1]!;
    const retry = chunk.ints[i + 2]!;
    const link = chunk.names[n + 2]!;
    return {
      messageId,
      atMs,
      endMs,
      server: this.names.name(chunk.names[n + 1]!),
      nextHop: chunk.refs[r] as string,
      nextHopAddress: chunk.refs[r + 1] as string,
      link: link === 0 ? null : this.names.name(link - 1),
      sourceAddress: this.names.name(chunk.names[n + 3]!),
      rule: this.names.name(chunk.names[n + 4]!),
      recipients: chunk.refs[r + 3] as readonly string[],
      reply: conversation.reply,
      reason: conversation.reason,
      checks: conversation.checks,
      outcome: outcomes[chunk.names[n]!]!,
      retryAtMs: retry === noRetry ? null : retry === farRetry ? this.farRetries.get(index)! : endMs + retry,
    };
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
