import type { AttemptRecord, MessageRecord } from '../../run/types.js';

/**
 * Where a message stands, as the list shows it. `pending` splits in two: `deferred` when its
 * latest attempt failed (it waits for a retry), `queued` when nothing has gone wrong yet.
 */
export type MessageState = 'delivered' | 'bounced' | 'deferred' | 'queued';

/** Every state, in the order the help lists them. */
export const messageStates: readonly MessageState[] = ['queued', 'deferred', 'delivered', 'bounced'];

/**
 * The state of a message now. `attempts` may be passed when the caller already has them: the run
 * layer may build the list on each read.
 */
export function messageState(message: MessageRecord, attempts: readonly AttemptRecord[] = message.attempts): MessageState {
  return stateFrom(message.status, attempts[attempts.length - 1]);
}

/** The state from a status and the latest attempt, for callers that already hold both. */
export function stateFrom(status: MessageRecord['status'], last: AttemptRecord | undefined): MessageState {
  if (status !== 'pending') return status;
  return last !== undefined && last.outcome !== 'accepted' ? 'deferred' : 'queued';
}

/** Whether anything went wrong with the message: a deferral, a rejection, or a bounce. */
export function hasFailure(message: MessageRecord, attempts: readonly AttemptRecord[] = message.attempts): boolean {
  if (message.status === 'bounced') return true;
  for (const attempt of attempts) if (attempt.outcome !== 'accepted') return true;
  return false;
}

/** The domain part of an address, lower case. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at === -1 ? address : address.slice(at + 1)).toLowerCase();
}
