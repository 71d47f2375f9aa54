import type { MailNotice } from '../model/world/notices.js';
import type { AttemptRecord, MessageStatus } from '../model/world/types.js';

/** What a run tells its subscribers, in simulated-time order. Times are ms from the start. */
export type RunEvent =
  | { readonly type: 'submitted'; readonly atMs: number; readonly messageId: string }
  | { readonly type: 'attempt'; readonly atMs: number; readonly attempt: AttemptRecord }
  | { readonly type: 'finished'; readonly atMs: number; readonly messageId: string; readonly status: MessageStatus }
  | { readonly type: 'expired'; readonly atMs: number; readonly messageId: string; readonly server: string }
  | { readonly type: 'queue-depth'; readonly atMs: number; readonly server: string; readonly depth: number }
  | { readonly type: 'link-change'; readonly atMs: number; readonly link: string; readonly up: boolean }
  /** A server sent the sender a delay notice or a bounce (non-delivery report). */
  | { readonly type: 'notice'; readonly atMs: number; readonly notice: MailNotice };

/** Receives run events. */
export type RunListener = (event: RunEvent) => void;
