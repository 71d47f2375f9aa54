import { formatReply, type AttemptRecord, type MessageRecord } from '../../run/types.js';
import type { WallClock } from '../../run/wall-clock.js';
import { domainOf, messageState } from '../state/message-state.js';
import type { MessageRow } from '../view-model.js';

/** The last attempt that left through a link, if any. */
export function lastLinkAttempt(message: MessageRecord, attempts: readonly AttemptRecord[] = message.attempts): AttemptRecord | undefined {
  for (let i = attempts.length - 1; i >= 0; i--) if (attempts[i]!.link !== null) return attempts[i];
  return undefined;
}

/**
 * The server holding the message now: after an inside hop accepted it, the next server; otherwise
 * the one that last tried; before any attempt, the server it was submitted to.
 */
export function currentServer(message: MessageRecord, submitTo: string, attempts: readonly AttemptRecord[] = message.attempts): string {
  const last = attempts[attempts.length - 1];
  if (last === undefined) return submitTo;
  return message.status === 'pending' && last.outcome === 'accepted' && last.rule === 'inside' ? last.nextHop : last.server;
}

/** `421 message rejected (MAIL)` for a failure; the plain reply when accepted. */
export function replySummary(attempt: AttemptRecord | undefined): string {
  if (attempt === undefined) return '';
  const text = formatReply(attempt.reply);
  return attempt.outcome === 'accepted' ? text : `${text} (${attempt.reply.stage})`;
}

/** First recipient domain, and how many other domains. */
export function domainsSummary(to: readonly string[]): string {
  const domains = new Set(to.map(domainOf));
  const [first] = domains;
  return first === undefined ? '' : domains.size > 1 ? `${first} +${domains.size - 1}` : first;
}

/** A visible row of the message list. Built only for the rows on screen. */
export function messageRow(message: MessageRecord, seq: number, clock: WallClock, submitTo: string, selected: boolean): MessageRow {
  const attempts = message.attempts;
  return {
    seq,
    id: message.spec.id,
    time: clock.time(message.spec.atMs),
    from: message.spec.from,
    domains: domainsSummary(message.spec.to),
    server: currentServer(message, submitTo, attempts),
    link: lastLinkAttempt(message, attempts)?.link ?? '—',
    reply: replySummary(attempts[attempts.length - 1]),
    state: messageState(message, attempts),
    selected,
  };
}
