import type { Reason } from '../reasons.js';
import type { StagedReply } from '../smtp.js';

/**
 * A message a mail server sends back to the sender: a delay notice ("your message has not been
 * delivered yet", RFC 3464 action=delayed) or a bounce (a non-delivery report, action=failed).
 */
export interface MailNotice {
  readonly kind: 'delay' | 'bounce';
  readonly atMs: number;
  readonly messageId: string;
  /** The inside server that sends the notice. */
  readonly server: string;
  /** Whom the notice goes to: the message's sender. */
  readonly to: string;
  /** The recipients it is about. */
  readonly recipients: readonly string[];
  readonly reason: Reason;
  /** The reply that caused it (null for an expiry with no reply to quote). */
  readonly reply: StagedReply | null;
  /** How long the message had been in that server's queue, ms. */
  readonly queuedForMs: number;
}
