import type { FailureKind } from './failure-kind.js';
import type { Notice } from './ui-state.js';

/** What a key asks for; the keymap binds keys to these. */
export type Command =
  | 'toggle-play'
  | 'step'
  | 'speed-up'
  | 'speed-down'
  | 'select-prev'
  | 'select-next'
  | 'page-up'
  | 'page-down'
  | 'select-first'
  | 'select-last'
  | 'toggle-detail'
  | 'next-pane'
  | 'prev-pane'
  | 'start-filter'
  | 'toggle-failures'
  | 'toggle-link'
  | 'restart'
  | 'toggle-help'
  | 'close'
  | 'quit';

/** Everything that changes the UI state: commands from keys, and what the run reports. */
export type UiAction =
  | { readonly type: 'command'; readonly command: Command }
  | { readonly type: 'filter-insert'; readonly text: string }
  | { readonly type: 'filter-backspace' }
  | { readonly type: 'filter-commit' }
  | { readonly type: 'filter-cancel' }
  /** A failed attempt or an expiry; only a kind never seen before changes anything. */
  | { readonly type: 'failure-seen'; readonly kind: FailureKind; readonly seq: number; readonly messageId: string }
  | { readonly type: 'link-toggled'; readonly link: string; readonly up: boolean; readonly at: string }
  | { readonly type: 'ended'; readonly at: string }
  | { readonly type: 'restarted' }
  | { readonly type: 'notice'; readonly notice: Notice | null };

/** A command as an action. */
export function command(name: Command): UiAction {
  return { type: 'command', command: name };
}
