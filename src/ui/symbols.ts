import type { MessageState } from './state/message-state.js';
import type { Tone } from './view-model.js';

/**
 * Status marks: every state has its own symbol, so colour is never the only signal (NO_COLOR,
 * colour-blind viewers, a washed-out projector).
 */
export const stateSymbol: Readonly<Record<MessageState, string>> = { queued: '·', deferred: '⟳', delivered: '✓', bounced: '✗' };

/** The accent of each state. Queued stays in the terminal's own foreground. */
export const stateTone: Readonly<Record<MessageState, Tone | undefined>> = { queued: undefined, deferred: 'warn', delivered: 'ok', bounced: 'bad' };

/** Check results in a trace. */
export const checkSymbol: Readonly<Record<'pass' | 'fail' | 'temperror', string>> = { pass: '✓', fail: '✗', temperror: '!' };

/** Selection marker at the start of a selected row (with inverse video, never colour alone). */
export const selectedMark = '›';
