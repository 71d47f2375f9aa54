import type { ObservedOutcome } from '../model/traffic.js';
import type { MessageRecord, MessageStatus } from '../model/world/types.js';

/** One row of the comparison: the messages the log gives one outcome, by their simulated status. */
export interface ObservedRow {
  readonly observed: ObservedOutcome;
  readonly messages: number;
  readonly simulated: Readonly<Record<MessageStatus, number>>;
}

/** What the log says happened beside what the model made of the same messages. */
export interface ObservedComparison {
  /** Rows for delivered, deferred, bounced and unknown, those with messages only. */
  readonly rows: readonly ObservedRow[];
  /** Messages with a known outcome in the log. */
  readonly compared: number;
  /** Of those, how many the model gives the same end: delivered, bounced, or pending for deferred. */
  readonly agreeing: number;
}

/** The simulated status that matches each logged outcome. */
export const matchingStatus: Readonly<Record<Exclude<ObservedOutcome, 'unknown'>, MessageStatus>> = { delivered: 'delivered', deferred: 'pending', bounced: 'bounced' };

/** Whether the model ended a message the way the log says the real server did (false when unknown). */
export function agrees(observed: ObservedOutcome, status: MessageStatus): boolean {
  return observed !== 'unknown' && matchingStatus[observed] === status;
}

/** Compares logged and simulated outcomes; null when no message carries a logged outcome. */
export function compareObserved(messages: readonly MessageRecord[]): ObservedComparison | null {
  const order: ObservedOutcome[] = ['delivered', 'deferred', 'bounced', 'unknown'];
  const table = new Map(order.map((outcome) => [outcome, { delivered: 0, bounced: 0, pending: 0 } as Record<MessageStatus, number>]));
  let any = false;
  let compared = 0;
  let agreeing = 0;
  for (const message of messages) {
    const observed = message.spec.observed;
    if (observed === undefined) continue;
    any = true;
    table.get(observed)![message.status]++;
    if (observed === 'unknown') continue;
    compared++;
    if (agrees(observed, message.status)) agreeing++;
  }
  if (!any) return null;
  const rows = order.map((observed) => {
    const simulated = table.get(observed)!;
    return { observed, messages: simulated.delivered + simulated.bounced + simulated.pending, simulated };
  });
  return { rows: rows.filter((row) => row.messages > 0), compared, agreeing };
}
