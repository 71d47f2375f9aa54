import type { Command, UiAction } from './actions.js';
import { resolveSelection, type ListView } from './list-view.js';
import { clampSpeedIndex } from './speed.js';
import { initialUiState, paneOrder, type UiState } from './ui-state.js';

/**
 * What the reducer needs to know about the run to move a selection: list lengths and page sizes.
 * Passing it in keeps the reducer a pure function of (state, action, env).
 */
export interface ReduceEnv {
  readonly messages: ListView;
  readonly messagePage: number;
  readonly linkCount: number;
  /** Sequence numbers of the oldest and newest log entries kept (last < first when empty). */
  readonly log: { readonly first: number; readonly last: number; readonly page: number };
  /** Trace lines of the selected message, and how many the pane shows. */
  readonly detail: { readonly lines: number; readonly page: number };
}

/** The UI state after an action. Pure: no I/O, no clock, no session. */
export function reduce(state: UiState, action: UiAction, env: ReduceEnv): UiState {
  switch (action.type) {
    case 'command':
      return reduceCommand(state, action.command, env);
    case 'filter-insert':
      return state.filter.editing ? { ...state, filter: { ...state.filter, draft: state.filter.draft + printable(action.text) } } : state;
    case 'filter-backspace':
      return state.filter.editing ? { ...state, filter: { ...state.filter, draft: [...state.filter.draft].slice(0, -1).join('') } } : state;
    case 'filter-commit':
      return { ...state, filter: { text: state.filter.draft.trim(), editing: false, draft: state.filter.draft.trim() } };
    case 'filter-cancel':
      return { ...state, filter: { ...state.filter, editing: false, draft: state.filter.text } };
    case 'failure-seen':
      return failureSeen(state, action);
    case 'link-toggled':
      return { ...state, notice: { tone: action.up ? 'info' : 'warn', text: `what-if: ${action.link} ${action.up ? 'brought up' : 'taken down'} at ${action.at}; the replay goes on from there` } };
    case 'ended':
      return { ...state, playing: false, ended: true, notice: { tone: 'info', text: `end of the scenario window (${action.at}): r restarts` } };
    case 'restarted':
      return { ...initialUiState({ speedIndex: state.speedIndex, pauseOnFailure: state.pauseOnFailure }), notice: { tone: 'info', text: 'restarted: same scenario, same seed; what-ifs undone' } };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

function reduceCommand(state: UiState, command: Command, env: ReduceEnv): UiState {
  switch (command) {
    case 'toggle-play':
      if (state.ended) return { ...state, notice: { tone: 'info', text: 'the scenario window has ended: r restarts' } };
      return { ...state, playing: !state.playing, notice: state.playing ? state.notice : null };
    case 'step':
      return { ...state, playing: false };
    case 'speed-up':
      return { ...state, speedIndex: clampSpeedIndex(state.speedIndex + 1) };
    case 'speed-down':
      return { ...state, speedIndex: clampSpeedIndex(state.speedIndex - 1) };
    case 'select-prev':
      return move(state, env, (at) => at - 1);
    case 'select-next':
      return move(state, env, (at) => at + 1);
    case 'page-up':
      return move(state, env, (at, page) => at - page);
    case 'page-down':
      return move(state, env, (at, page) => at + page);
    case 'select-first':
      return move(state, env, () => Number.NEGATIVE_INFINITY);
    case 'select-last':
      return move(state, env, () => Number.POSITIVE_INFINITY);
    case 'toggle-detail':
      return toggleDetail(state);
    case 'next-pane':
    case 'prev-pane': {
      const order = paneOrder(state);
      const at = Math.max(0, order.indexOf(state.focus));
      const next = order[(at + (command === 'next-pane' ? 1 : order.length - 1)) % order.length]!;
      return { ...state, focus: next };
    }
    case 'start-filter':
      return { ...state, helpOpen: false, filter: { ...state.filter, editing: true, draft: state.filter.text } };
    case 'toggle-failures':
      return { ...state, failuresOnly: !state.failuresOnly };
    case 'toggle-link':
    case 'restart':
      // The controller does these to the session, then reports back ('link-toggled', 'restarted').
      return state;
    case 'toggle-help':
      return { ...state, helpOpen: !state.helpOpen };
    case 'close':
      return close(state);
    case 'quit':
      return { ...state, quit: true };
  }
}

/** Moves the selection of the focused pane; `to` maps the current position (and page) to the next. */
function move(state: UiState, env: ReduceEnv, to: (at: number, page: number) => number): UiState {
  switch (state.focus) {
    case 'messages': {
      const view = env.messages;
      const current = resolveSelection(state.selectedSeq, state.follow, view);
      if (current === null) return state;
      const position = clamp(to(current.position, Math.max(1, env.messagePage - 1)), 0, view.length - 1);
      // Landing on the newest row follows it, as `tail -f` does; any other row stays put.
      return { ...state, selectedSeq: view.seqAt(position), follow: position === view.length - 1, detailScroll: null };
    }
    case 'links':
      return env.linkCount === 0 ? state : { ...state, linkCursor: clamp(to(state.linkCursor, 1), 0, env.linkCount - 1) };
    case 'log': {
      const { first, last, page } = env.log;
      if (last < first) return state;
      const lowest = Math.min(last, first + page - 1);
      const anchor = clamp(to(state.logAnchor ?? last, Math.max(1, page - 1)), lowest, last);
      return { ...state, logAnchor: anchor >= last ? null : anchor };
    }
    case 'detail': {
      const bottom = Math.max(0, env.detail.lines - env.detail.page);
      const scroll = clamp(to(state.detailScroll ?? bottom, Math.max(1, env.detail.page - 1)), 0, bottom);
      return { ...state, detailScroll: scroll >= bottom ? null : scroll };
    }
  }
}

function toggleDetail(state: UiState): UiState {
  if (state.focus === 'links' || state.focus === 'log') return { ...state, focus: 'messages', detailOpen: true, detailScroll: null };
  if (state.detailOpen) return { ...state, detailOpen: false, focus: 'messages' };
  return { ...state, detailOpen: true, detailScroll: null };
}

/** Esc backs out of one thing at a time: help, the filter line, the trace, the filter, the notice. */
function close(state: UiState): UiState {
  if (state.helpOpen) return { ...state, helpOpen: false };
  if (state.filter.editing) return { ...state, filter: { ...state.filter, editing: false, draft: state.filter.text } };
  if (state.detailOpen) return { ...state, detailOpen: false, focus: state.focus === 'detail' ? 'messages' : state.focus };
  if (state.filter.text !== '' || state.failuresOnly) return { ...state, filter: { text: '', editing: false, draft: '' }, failuresOnly: false };
  return { ...state, notice: null };
}

/**
 * A failure of a kind never seen before: remembered, and with --pause-on-failure the replay
 * stops on it with the message selected and its trace open — the moment a trainer wants to talk about.
 */
function failureSeen(state: UiState, action: Extract<UiAction, { type: 'failure-seen' }>): UiState {
  if (state.seenFailures.has(action.kind.key)) return state;
  const seenFailures = new Set(state.seenFailures).add(action.kind.key);
  if (!state.pauseOnFailure) return { ...state, seenFailures };
  return {
    ...state,
    seenFailures,
    playing: false,
    selectedSeq: action.seq,
    follow: false,
    focus: 'messages',
    detailOpen: true,
    detailScroll: null,
    helpOpen: false,
    notice: { tone: 'bad', text: `paused at a new kind of failure: ${action.kind.label}, ${action.messageId}; Space goes on` },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** Drops control characters a paste may carry, so the filter line stays one line. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '');
}
