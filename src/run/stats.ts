import type { Reason } from '../model/reasons.js';
import type { MailNotice } from '../model/world/notices.js';
import type { AttemptLog } from '../model/world/attempt-log.js';
import type { MessageRecord, WorldObserver } from '../model/world/types.js';
import type { RunListener } from './run-events.js';

/** SMTP attempts that left through one link, by outcome. */
export interface LinkCounts {
  attempts: number;
  accepted: number;
  deferred: number;
  rejected: number;
}

/**
 * Running totals of a replay, kept as the world reports outcomes, and the fan-out of those
 * outcomes as run events. Counting here, once, keeps reports and the UI from rescanning every
 * message.
 */
export class RunStats implements WorldObserver {
  readonly links = new Map<string, LinkCounts>();
  readonly reasons = new Map<Reason, number>();
  attempts = 0;
  submitted = 0;
  delivered = 0;
  bounced = 0;
  /** Delay notices and bounces the servers sent, in time order. */
  readonly notices: MailNotice[] = [];
  /** Per link, when the firewall believed it down: [marked down, marked up again or null], ms. */
  readonly believedDown = new Map<string, [number, number | null][]>();
  private readonly listeners = new Set<RunListener>();

  constructor(linkNames: readonly string[]) {
    for (const name of linkNames) {
      this.links.set(name, { attempts: 0, accepted: 0, deferred: 0, rejected: 0 });
      this.believedDown.set(name, []);
    }
  }

  /** Subscribes to run events; returns the unsubscribe function. */
  subscribe(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSubmitted(message: MessageRecord, atMs: number): void {
    this.submitted++;
    if (this.listeners.size > 0) this.emit({ type: 'submitted', atMs, messageId: message.spec.id });
  }

  onAttempt(log: AttemptLog, index: number, message: MessageRecord): void {
    this.attempts++;
    this.count(log.reasonOf(index));
    const link = log.linkOf(index);
    if (link !== null) {
      const counts = this.links.get(link)!;
      counts.attempts++;
      // A switch rather than counts[outcome]: a property named by a variable is a generic keyed access, millions of times.
      switch (log.outcomeOf(index)) {
        case 'accepted':
          counts.accepted++;
          break;
        case 'deferred':
          counts.deferred++;
          break;
        case 'rejected':
          counts.rejected++;
          break;
      }
    }
    if (this.listeners.size === 0) return;
    // Only listeners need the whole record, so only for them is it rebuilt from the log.
    const attempt = log.get(index, message.spec.id, message.spec.to);
    this.emit({ type: 'attempt', atMs: attempt.endMs, attempt });
  }

  onMessageFinished(message: MessageRecord, atMs: number): void {
    if (message.status === 'delivered') this.delivered++;
    else this.bounced++;
    if (this.listeners.size > 0) this.emit({ type: 'finished', atMs, messageId: message.spec.id, status: message.status });
  }

  onExpired(message: MessageRecord, server: string, atMs: number): void {
    this.count('expired');
    if (this.listeners.size > 0) this.emit({ type: 'expired', atMs, messageId: message.spec.id, server });
  }

  onNotice(notice: MailNotice): void {
    this.notices.push(notice);
    if (this.listeners.size > 0) this.emit({ type: 'notice', atMs: notice.atMs, notice });
  }

  onQueueDepth(server: string, depth: number, atMs: number): void {
    if (this.listeners.size > 0) this.emit({ type: 'queue-depth', atMs, server, depth });
  }

  onLinkChange(link: string, up: boolean, atMs: number): void {
    const windows = this.believedDown.get(link);
    if (!up) windows?.push([atMs, null]);
    else if (windows !== undefined && windows.length > 0) windows[windows.length - 1]![1] = atMs;
    if (this.listeners.size > 0) this.emit({ type: 'link-change', atMs, link, up });
  }

  /** Messages submitted and not yet delivered or bounced. */
  get pending(): number {
    return this.submitted - this.delivered - this.bounced;
  }

  private count(reason: Reason): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  private emit(event: Parameters<RunListener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }
}
