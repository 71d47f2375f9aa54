import type { MessageRecord } from '../../run/types.js';
import type { RunSession } from '../../run/session.js';

/** One side of the compare view at the shared clock. */
export interface SideView {
  readonly title: string;
  readonly submitted: number;
  readonly delivered: number;
  readonly bounced: number;
  readonly pending: number;
  readonly attempts: number;
  readonly links: readonly { readonly name: string; readonly attempts: number; readonly failed: number }[];
  readonly queues: readonly { readonly server: string; readonly depth: number; readonly peak: number }[];
}

/** A message whose state differs between the two replays right now. */
export interface DifferingRow {
  readonly id: string;
  readonly before: string;
  readonly after: string;
  /** `worse` when AFTER is further from delivered than BEFORE, `better` the other way, else `other`. */
  readonly verdict: 'worse' | 'better' | 'other';
}

/** Both sides and the messages that differ, at one simulated instant. */
export interface CompareFrame {
  readonly clock: string;
  readonly fraction: number;
  readonly sides: readonly [SideView, SideView];
  readonly differing: readonly DifferingRow[];
}

/** The side's totals, links and queues now. Reads the run's running totals; no message scan. */
export function sideView(session: RunSession, title: string): SideView {
  const { stats, world } = session;
  return {
    title, submitted: stats.submitted, delivered: stats.delivered, bounced: stats.bounced, pending: stats.pending, attempts: stats.attempts,
    links: [...stats.links].map(([name, counts]) => ({ name, attempts: counts.attempts, failed: counts.deferred + counts.rejected })),
    queues: [...world.servers.values()].map((server) => ({ server: server.config.name, depth: server.depth, peak: server.peakDepth })),
  };
}

const rank = { delivered: 0, pending: 1, bounced: 2 } as const;

/**
 * The messages submitted on both sides whose state differs: status, or while both are pending
 * the reason of the latest attempt, or the link of the latest attempt. Messages are matched by
 * position when the ids agree (the same traffic), else by id.
 */
export function differingMessages(before: readonly MessageRecord[], after: readonly MessageRecord[], submitted: number): DifferingRow[] {
  const byId = new Map<string, MessageRecord>();
  const rows: DifferingRow[] = [];
  for (let index = 0; index < Math.min(submitted, before.length); index++) {
    const old = before[index]!;
    let other = after[index];
    if (other === undefined || other.spec.id !== old.spec.id) {
      if (byId.size === 0) for (const message of after) byId.set(message.spec.id, message);
      other = byId.get(old.spec.id);
    }
    if (other === undefined) continue;
    const a = describe(old);
    const b = describe(other);
    if (a === b) continue;
    const change = rank[other.status] - rank[old.status];
    rows.push({ id: old.spec.id, before: a, after: b, verdict: change > 0 ? 'worse' : change < 0 ? 'better' : 'other' });
  }
  return rows;
}

function describe(message: MessageRecord): string {
  const last = message.lastAttempt;
  if (message.status === 'delivered') return last?.link ? `delivered via ${last.link}` : 'delivered';
  if (message.status === 'bounced') return `bounced (${message.finalReason ?? '?'})`;
  if (last === undefined) return 'queued';
  return last.outcome === 'accepted' ? 'queued' : `deferred (${last.reason}${last.link ? ` via ${last.link}` : ''})`;
}
