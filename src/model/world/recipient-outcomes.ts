import { replyClass, type SmtpReply } from '../smtp.js';
import type { RecipientRefusal } from '../smtp-peer.js';
import type { AttemptOutcome, SessionFacts } from './types.js';

/** What became of the recipients RCPT refused on their own in one session. */
export interface RefusalOutcome {
  /** One attempt per refused recipient, as Postfix logs one line per recipient. */
  readonly records: readonly { readonly facts: SessionFacts; readonly refusal: RecipientRefusal }[];
  /** Recipients refused for now (4xx): they stay queued. */
  readonly deferred: readonly string[];
  /** Recipients refused for good (5xx): they bounce. */
  readonly rejected: readonly string[];
}

/**
 * Splits the per-recipient refusals of a session into attempts (sharing the session's times,
 * link and addresses) and the recipients that stay queued or bounce. `retryAtMs` is when
 * the deferred ones will be tried again (null: past the queue lifetime).
 */
export function settleRefusals(session: SessionFacts, refused: readonly RecipientRefusal[], retryAtMs: number | null): RefusalOutcome {
  const records: { facts: SessionFacts; refusal: RecipientRefusal }[] = [];
  const deferred: string[] = [];
  const rejected: string[] = [];
  for (const refusal of refused) {
    const outcome = attemptOutcome(refusal.reply);
    (outcome === 'rejected' ? rejected : deferred).push(refusal.recipient);
    const facts: SessionFacts = {
      atMs: session.atMs, endMs: session.endMs, link: session.link, sourceAddress: session.sourceAddress, rule: session.rule, outcome,
      retryAtMs: outcome === 'deferred' ? retryAtMs : null,
    };
    records.push({ facts, refusal });
  }
  return { records, deferred, rejected };
}

/** The recipients a session's own reply applies to: all but those RCPT refused on their own. */
export function sessionRecipients(recipients: readonly string[], refused: readonly RecipientRefusal[] | undefined): readonly string[] {
  if (refused === undefined) return recipients;
  return recipients.filter((recipient) => !refused.some((refusal) => refusal.recipient === recipient));
}

/** How an attempt that ended with `reply` went: 2xx accepted, 5xx rejected, anything else (4xx, no reply) deferred. */
export function attemptOutcome(reply: SmtpReply): AttemptOutcome {
  const kind = replyClass(reply);
  return kind === 2 ? 'accepted' : kind === 5 ? 'rejected' : 'deferred';
}
