/** The panes that take the selection keys; queues and limiters only display. */
export type PaneId = 'messages' | 'detail' | 'links' | 'log';

/** A one-line message for the status line: what just happened and, when it matters, why. */
export interface Notice {
  readonly tone: 'info' | 'warn' | 'bad';
  readonly text: string;
}

/** The filter line: the applied text, and the draft while it is being typed. */
export interface FilterState {
  readonly text: string;
  readonly editing: boolean;
  readonly draft: string;
}

/**
 * Everything the user controls, as plain data. The run itself (messages, links, queues) lives in
 * the controller; this is only how the user looks at it, so a reducer can own it.
 */
export interface UiState {
  readonly playing: boolean;
  /** The window's end was reached; play has nothing left to do until a restart. */
  readonly ended: boolean;
  readonly speedIndex: number;
  readonly focus: PaneId;
  /**
   * The selected message by submission sequence number (stable while the list grows and the
   * filter changes); null before the first message.
   */
  readonly selectedSeq: number | null;
  /** Keep the newest message selected as new ones arrive (like `tail -f`). */
  readonly follow: boolean;
  readonly linkCursor: number;
  /** Log entry shown at the bottom of the log pane; null follows the newest. */
  readonly logAnchor: number | null;
  readonly detailOpen: boolean;
  /** First trace line shown; null keeps the end (the latest attempt) in view. */
  readonly detailScroll: number | null;
  readonly helpOpen: boolean;
  readonly filter: FilterState;
  readonly failuresOnly: boolean;
  readonly pauseOnFailure: boolean;
  /** Keys of the failure kinds seen so far (see failure-kind.ts). */
  readonly seenFailures: ReadonlySet<string>;
  readonly notice: Notice | null;
  readonly quit: boolean;
}

/** The state a replay opens with: playing, following the newest message. */
export function initialUiState(options: { readonly speedIndex: number; readonly pauseOnFailure: boolean }): UiState {
  return {
    playing: true,
    ended: false,
    speedIndex: options.speedIndex,
    focus: 'messages',
    selectedSeq: null,
    follow: true,
    linkCursor: 0,
    logAnchor: null,
    detailOpen: false,
    detailScroll: null,
    helpOpen: false,
    filter: { text: '', editing: false, draft: '' },
    failuresOnly: false,
    pauseOnFailure: options.pauseOnFailure,
    seenFailures: new Set(),
    notice: options.pauseOnFailure ? { tone: 'info', text: 'pause on failure: the replay stops at each new kind of failure' } : null,
    quit: false,
  };
}

/** The filter text in force: the draft while typing, so the list narrows as you type. */
export function activeFilterText(state: UiState): string {
  return state.filter.editing ? state.filter.draft : state.filter.text;
}

/** The panes Tab cycles through, in order; the trace only while it is open. */
export function paneOrder(state: UiState): readonly PaneId[] {
  return state.detailOpen ? ['messages', 'detail', 'links', 'log'] : ['messages', 'links', 'log'];
}
