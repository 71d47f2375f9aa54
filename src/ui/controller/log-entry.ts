import { formatReply, type AttemptRecord, type MailNotice } from '../../run/types.js';
import type { Tone } from '../view-model.js';

/** One line of the event log, kept as text: it is built once, when the event happens. */
export interface LogEntry {
  readonly atMs: number;
  readonly tone: Tone;
  readonly text: string;
}

/** A failed attempt, as the log tells it; accepted attempts are not logged (deliveries are). */
export function attemptEntry(attempt: AttemptRecord): LogEntry | undefined {
  if (attempt.outcome === 'accepted') return undefined;
  const symbol = attempt.outcome === 'rejected' ? '✗' : '⟳';
  const via = attempt.link === null ? 'no link' : `via ${attempt.link}`;
  return {
    atMs: attempt.endMs,
    tone: attempt.outcome === 'rejected' ? 'bad' : 'warn',
    text: `${symbol} ${attempt.messageId} ${attempt.server} → ${attempt.nextHop} ${via}: ${formatReply(attempt.reply)} (${attempt.reply.stage}) ${attempt.reason}`,
  };
}

/** A message that finished: delivered everywhere, or bounced. */
export function finishedEntry(atMs: number, messageId: string, status: string, attempts: number, reason: string | null): LogEntry {
  return status === 'delivered'
    ? { atMs, tone: 'ok', text: `✓ ${messageId} delivered after ${attempts} attempt${attempts === 1 ? '' : 's'}` }
    : { atMs, tone: 'bad', text: `✗ ${messageId} bounced${reason === null ? '' : `: ${reason}`}` };
}

/** A link going down or coming back, by schedule or by the user's what-if. */
export function linkEntry(atMs: number, link: string, up: boolean, byUser: boolean): LogEntry {
  const what = `link ${link} ${up ? 'up' : 'DOWN'}`;
  return byUser ? { atMs, tone: 'user', text: `▸ what-if: ${what} (by you); the replay goes on from here` } : { atMs, tone: up ? 'ok' : 'bad', text: `${up ? '▲' : '▼'} ${what}` };
}

/** A delay notice or a bounce a server sent back to the sender. */
export function noticeEntry(notice: MailNotice): LogEntry {
  const about = `${notice.messageId} (${notice.recipients.length} recipient${notice.recipients.length === 1 ? '' : 's'})`;
  return notice.kind === 'delay'
    ? { atMs: notice.atMs, tone: 'warn', text: `✉ ${notice.server} told ${notice.to}: ${about} delayed, ${notice.reason}` }
    : { atMs: notice.atMs, tone: 'bad', text: `✉ ${notice.server} bounced ${about} to ${notice.to}: ${notice.reason}` };
}
