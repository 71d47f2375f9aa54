/**
 * The data the run layer hands to its readers (UI, reporters). They import these from here, not
 * from the model, so the model's internals stay free to change.
 */
export type { AttemptRecord, MessageRecord, MessageStatus } from '../model/world/types.js';
export type { CheckOutcome } from '../model/smtp-peer.js';
export type { SmtpStage, StagedReply } from '../model/smtp.js';
export type { Reason } from '../model/reasons.js';
export type { MailNotice } from '../model/world/notices.js';
export { formatReply } from '../model/smtp.js';
export { reasons } from '../model/reasons.js';
