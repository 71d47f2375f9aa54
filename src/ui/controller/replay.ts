import { firstServer } from '../../run/build-world.js';
import type { RunEvent } from '../../run/run-events.js';
import type { RunSession } from '../../run/session.js';
import { takeSnapshot } from '../../run/snapshot.js';
import { attemptFailureKey, attemptFailureKind, expiryFailureKind, type FailureKind } from '../state/failure-kind.js';
import type { Widths } from './build-view-model.js';
import { attemptEntry, finishedEntry, linkEntry, noticeEntry, type LogEntry } from './log-entry.js';
import { MessageIndex } from './message-index.js';
import { RingBuffer } from './ring-buffer.js';
import { BucketSeries } from './series.js';

/** Buckets per time series over the window: finer than any terminal is wide. */
const seriesBuckets = 720;

/** What a replay asks of its owner when a failure turns up: has this kind been seen? */
export interface FailureWatcher {
  /** Whether the kind with this key was seen before (cheap: asked for every failed attempt). */
  seen(key: string): boolean;
  /** A kind never seen before, first met by `messageId`. */
  firstOfKind(kind: FailureKind, seq: number, messageId: string): void;
}

/**
 * One replay of the scenario and everything the UI keeps about it, updated event by event with
 * O(1) work per event: the message index, failures per link and queue depth per server over the
 * window, and the event log. A restart throws it away and builds a new one.
 */
export class Replay {
  readonly index: MessageIndex;
  readonly log: RingBuffer<LogEntry>;
  readonly failures: ReadonlyMap<string, BucketSeries>;
  readonly depths: ReadonlyMap<string, BucketSeries>;
  readonly widths: Widths;
  /** The server messages are submitted to. */
  readonly submitTo: string;
  /** Run events handled so far (a step runs until this moves). */
  events = 0;
  private readonly whatIfs = new Set<string>();
  private readonly unsubscribe: () => void;

  constructor(readonly session: RunSession, private readonly watcher: FailureWatcher, logCapacity = 2000) {
    const windowMs = session.endMs;
    this.index = new MessageIndex(session.messages);
    this.log = new RingBuffer<LogEntry>(logCapacity);
    this.failures = new Map(session.scenario.links.map((link) => [link.name, new BucketSeries(windowMs, seriesBuckets, 'sum')]));
    this.depths = new Map(session.scenario.mail.map((server) => [server.name, new BucketSeries(windowMs, seriesBuckets, 'level')]));
    this.submitTo = session.scenario.traffic.submit_to ?? firstServer(session.scenario);
    this.widths = measureWidths(session);
    this.unsubscribe = session.subscribe((event) => this.onRunEvent(event));
  }

  /** Stops listening to the session. */
  dispose(): void {
    this.unsubscribe();
  }

  /** Applies a what-if now: the link goes down or up at the current simulated time. */
  setLinkUp(link: string, up: boolean): void {
    this.whatIfs.add(link);
    this.session.setLinkUp(link, up);
    // Handled at once, paused or not: the change is scheduled at the current simulated time.
    this.session.runUntil(this.session.nowMs);
  }

  private onRunEvent(event: RunEvent): void {
    this.events++;
    switch (event.type) {
      case 'submitted':
        this.index.submit(event.messageId);
        return;
      case 'attempt': {
        const { attempt } = event;
        this.index.attempt(attempt);
        if (attempt.outcome === 'accepted') return;
        if (attempt.link !== null) this.failures.get(attempt.link)?.add(event.atMs);
        this.log.push(attemptEntry(attempt)!);
        if (!this.watcher.seen(attemptFailureKey(attempt))) this.firstOfKind(attemptFailureKind(attempt)!, attempt.messageId, event.atMs);
        return;
      }
      case 'finished': {
        this.index.finished(event.messageId);
        const seq = this.index.seqOf(event.messageId);
        const message = seq === undefined ? undefined : this.index.message(seq);
        this.log.push(finishedEntry(event.atMs, event.messageId, event.status, message?.attemptCount ?? 0, message?.finalReason ?? null));
        return;
      }
      case 'expired': {
        this.log.push({ atMs: event.atMs, tone: 'bad', text: `✗ ${event.messageId} expired in the ${event.server} queue` });
        const kind = expiryFailureKind(event.server);
        if (!this.watcher.seen(kind.key)) this.firstOfKind(kind, event.messageId, event.atMs);
        return;
      }
      case 'queue-depth':
        this.depths.get(event.server)?.set(event.atMs, event.depth);
        return;
      case 'link-change':
        this.log.push(linkEntry(event.atMs, event.link, event.up, this.whatIfs.delete(event.link)));
        return;
      case 'notice':
        this.log.push(noticeEntry(event.notice));
        return;
    }
  }

  private firstOfKind(kind: FailureKind, messageId: string, atMs: number): void {
    this.log.push({ atMs, tone: 'bad', text: `! new kind of failure: ${kind.label}` });
    const seq = this.index.seqOf(messageId);
    if (seq !== undefined) this.watcher.firstOfKind(kind, seq, messageId);
  }
}

/** Column widths that depend on the scenario: measured once per replay (one pass over the ids). */
function measureWidths(session: RunSession): Widths {
  let id = 2;
  for (const message of session.messages) id = Math.max(id, message.spec.id.length);
  // Public addresses as the snapshot shows them, after NAT.
  const links = takeSnapshot(session).links;
  return {
    id: Math.min(id, 16),
    server: Math.min(16, Math.max(...session.scenario.mail.map((server) => server.name.length))),
    link: Math.min(10, Math.max(...links.map((link) => link.name.length))),
    address: Math.min(39, Math.max(...links.map((link) => link.address.length))),
  };
}
