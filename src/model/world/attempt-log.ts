import type { Conversation } from '../smtp-peer.js';
import { SmallInterner } from './small-interner.js';
import type { AttemptRecord } from './types.js';

const outcomes = ['accepted', 'deferred', 'rejected'] as const;

/** Entries per chunk: small enough that each column is an ordinary heap object, not a large one. */
const chunkSize = 4096;
const timeColumns = 3;
/** next attempt of the message, outcome, server, link (-1: none), source address, rule. */
const intColumns = 6;
/** next hop, next hop address, conversation, recipients. */
const refColumns = 4;

/** One chunk of columns. */
class Chunk {
  readonly times = new Float64Array(chunkSize * timeColumns);
  readonly ints = new Int32Array(chunkSize * intColumns);
  readonly refs: unknown[] = new Array(chunkSize * refColumns);
}

/**
 * Every attempt of a run, stored by column in fixed-size chunks rather than as one object each.
 * A busy day holds millions of attempts: as objects, or in arrays that grow by copying, they keep
 * the collector and the page allocator busy for the whole replay. Numbers go in typed arrays;
 * the few distinct servers, links, source addresses and rules go in as small integers; only the
 * next hop, the conversation and the recipient list stay references to values the world already
 * shares. Records are rebuilt on demand by `get`.
 */
export class AttemptLog {
  private size = 0;
  private readonly chunks: Chunk[] = [];
  private readonly names = new SmallInterner();

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
    const times = chunk.times;
    const t = slot * timeColumns;
    times[t] = record.atMs;
    times[t + 1] = record.endMs;
    times[t + 2] = record.retryAtMs ?? Number.NaN;
    const ints = chunk.ints;
    const i = slot * intColumns;
    ints[i] = -1;
    ints[i + 1] = record.outcome === 'accepted' ? 0 : record.outcome === 'deferred' ? 1 : 2;
    ints[i + 2] = this.names.id(record.server);
    ints[i + 3] = record.link === null ? -1 : this.names.id(record.link);
    ints[i + 4] = this.names.id(record.sourceAddress);
    ints[i + 5] = this.names.id(record.rule);
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
    const t = slot * timeColumns;
    const i = slot * intColumns;
    const r = slot * refColumns;
    const conversation = chunk.refs[r + 2] as Conversation;
    const retryAtMs = chunk.times[t + 2]!;
    const link = chunk.ints[i + 3]!;
    return {
      messageId,
      atMs: chunk.times[t]!,
      endMs: chunk.times[t + 1]!,
      server: this.names.name(chunk.ints[i + 2]!),
      nextHop: chunk.refs[r] as string,
      nextHopAddress: chunk.refs[r + 1] as string,
      link: link < 0 ? null : this.names.name(link),
      sourceAddress: this.names.name(chunk.ints[i + 4]!),
      rule: this.names.name(chunk.ints[i + 5]!),
      recipients: chunk.refs[r + 3] as readonly string[],
      reply: conversation.reply,
      reason: conversation.reason,
      checks: conversation.checks,
      outcome: outcomes[chunk.ints[i + 1]!]!,
      retryAtMs: Number.isNaN(retryAtMs) ? null : retryAtMs,
    };
  }
}
