import type { Conversation } from '../smtp-peer.js';
import type { AttemptRecord } from './types.js';

const outcomes = ['accepted', 'deferred', 'rejected'] as const;

/** Entries per chunk: small enough that a chunk's arrays come from the allocator's reused memory. */
const chunkSize = 4096;

/** One chunk of columns. */
class Chunk {
  readonly times = new Float64Array(chunkSize * 3);
  readonly ints = new Int32Array(chunkSize * 2);
  readonly refs: unknown[] = new Array(chunkSize * refColumns);
}

const refColumns = 9;

/**
 * Every attempt of a run, stored by column in fixed-size chunks rather than as one object each.
 * A busy day holds millions of attempts: as objects, or in arrays that grow by copying, they keep
 * the collector and the page allocator busy for the whole replay. Numbers go in typed arrays;
 * strings, conversations and recipient lists are references to values the world already shares.
 * Records are rebuilt on demand by `get`.
 */
export class AttemptLog {
  private size = 0;
  private readonly chunks: Chunk[] = [];

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
    chunk.times[slot * 3] = record.atMs;
    chunk.times[slot * 3 + 1] = record.endMs;
    chunk.times[slot * 3 + 2] = record.retryAtMs ?? Number.NaN;
    chunk.ints[slot * 2] = -1;
    chunk.ints[slot * 2 + 1] = outcomes.indexOf(record.outcome);
    const refs = chunk.refs;
    const base = slot * refColumns;
    refs[base] = record.messageId;
    refs[base + 1] = record.server;
    refs[base + 2] = record.nextHop;
    refs[base + 3] = record.nextHopAddress;
    refs[base + 4] = record.link;
    refs[base + 5] = record.sourceAddress;
    refs[base + 6] = record.rule;
    refs[base + 7] = conversation;
    refs[base + 8] = record.recipients;
    if (previous >= 0) this.chunks[Math.floor(previous / chunkSize)]!.ints[(previous % chunkSize) * 2] = index;
    return index;
  }

  /** The attempt after `index` of the same message, or -1: a linked list per message, no arrays. */
  nextOf(index: number): number {
    return this.chunks[Math.floor(index / chunkSize)]!.ints[(index % chunkSize) * 2]!;
  }

  /** Rebuilds attempt `index` as a record. */
  get(index: number): AttemptRecord {
    const chunk = this.chunks[Math.floor(index / chunkSize)]!;
    const slot = index % chunkSize;
    const refs = chunk.refs;
    const base = slot * refColumns;
    const conversation = refs[base + 7] as Conversation;
    const retryAtMs = chunk.times[slot * 3 + 2]!;
    return {
      messageId: refs[base] as string,
      atMs: chunk.times[slot * 3]!,
      endMs: chunk.times[slot * 3 + 1]!,
      server: refs[base + 1] as string,
      nextHop: refs[base + 2] as string,
      nextHopAddress: refs[base + 3] as string,
      link: refs[base + 4] as string | null,
      sourceAddress: refs[base + 5] as string,
      rule: refs[base + 6] as string,
      recipients: refs[base + 8] as readonly string[],
      reply: conversation.reply,
      reason: conversation.reason,
      checks: conversation.checks,
      outcome: outcomes[chunk.ints[slot * 2 + 1]!]!,
      retryAtMs: Number.isNaN(retryAtMs) ? null : retryAtMs,
    };
  }
}
