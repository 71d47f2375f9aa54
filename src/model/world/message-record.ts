import type { Reason } from '../reasons.js';
import type { MessageSpec } from '../traffic.js';
import type { Conversation } from '../smtp-peer.js';
import type { AttemptLog } from './attempt-log.js';
import type { HopLabel } from './hop-labels.js';
import type { AttemptRecord, MessageRecord, MessageStatus, SessionFacts } from './types.js';

/** A message's state in the world, with its attempts kept as indices into the attempt log. */
export class TrackedMessage implements MessageRecord {
  status: MessageStatus = 'pending';
  finalReason: Reason | null = null;
  finishedAtMs: number | null = null;
  openDeliveries = 0;
  bounced = false;
  attemptCount = 0;
  private last = -1;

  // The spec's fields every session reads, copied here: a session (a retry hours later, say)
  // then brings one object back into the cache rather than three (the spec, a list, its
  // elements). Copying the rest as well made the replay slower, not faster: the message then
  // spans another cache line.
  /** `spec.from`, `spec.sizeBytes`, `spec.to`. */
  readonly from: string;
  readonly sizeBytes: number;
  readonly to: readonly string[];
  /** The one recipient domain, when the spec lists its domains and they are one; else undefined. */
  readonly soleDomain: string | undefined;

  constructor(
    readonly spec: MessageSpec,
    private readonly log: AttemptLog,
  ) {
    this.from = spec.from;
    this.sizeBytes = spec.sizeBytes;
    this.to = spec.to;
    this.soleDomain = spec.toDomains?.length === 1 ? spec.toDomains[0] : undefined;
  }

  get attempts(): readonly AttemptRecord[] {
    const result: AttemptRecord[] = [];
    for (let i = this.last; i >= 0; i = this.log.previousOf(i)) result.push(this.log.get(i, this.spec.id, this.to));
    return result.reverse();
  }

  get lastAttempt(): AttemptRecord | undefined {
    return this.last < 0 ? undefined : this.log.get(this.last, this.spec.id, this.to);
  }

  /**
   * Stores a session of this message at `server` to `hop` in the log; returns its index.
   * `recipients`: the session's, or undefined when they are the message's own list.
   */
  addAttempt(facts: SessionFacts, server: string, hop: HopLabel, conversation: Conversation, recipients: readonly string[] | undefined): number {
    this.last = this.log.append(this.last, facts, server, hop, conversation, recipients);
    this.attemptCount++;
    return this.last;
  }
}
