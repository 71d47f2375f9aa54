import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command, type Command, type UiAction } from '../../src/ui/state/actions.js';
import { identityView, resolveSelection, sortedView, type ListView } from '../../src/ui/state/list-view.js';
import { reduce, type ReduceEnv } from '../../src/ui/state/reducer.js';
import { speedSteps } from '../../src/ui/state/speed.js';
import { initialUiState, type UiState } from '../../src/ui/state/ui-state.js';

function env(messages: ListView = identityView(100), extra: Partial<ReduceEnv> = {}): ReduceEnv {
  return { messages, messagePage: 10, linkCount: 3, log: { first: 0, last: 49, page: 5 }, detail: { lines: 20, page: 8 }, ...extra };
}

const start = initialUiState({ speedIndex: 5, pauseOnFailure: false });
const run = (actions: readonly (UiAction | Command)[], state: UiState = start, e: ReduceEnv = env()): UiState =>
  actions.reduce<UiState>((s, a) => reduce(s, typeof a === 'string' ? command(a) : a, e), state);

describe('reducer: playing and speed', () => {
  it('opens playing and toggles with Space', () => {
    expect(start.playing).toBe(true);
    expect(run(['toggle-play']).playing).toBe(false);
    expect(run(['toggle-play', 'toggle-play']).playing).toBe(true);
  });

  it('a step pauses', () => {
    expect(run(['step']).playing).toBe(false);
  });

  it('keeps the speed inside the steps', () => {
    expect(run(Array(50).fill('speed-up')).speedIndex).toBe(speedSteps.length - 1);
    expect(run(Array(50).fill('speed-down')).speedIndex).toBe(0);
  });

  it('stops at the end of the window and says how to go on', () => {
    const ended = run([{ type: 'ended', at: '12:30:00' }]);
    expect(ended).toMatchObject({ playing: false, ended: true });
    expect(ended.notice?.text).toContain('r restarts');
    expect(run(['toggle-play'], ended).playing).toBe(false);
  });

  it('restart keeps the speed and the pause-on-failure flag, and nothing else', () => {
    const before = run(['speed-up', 'toggle-failures', 'toggle-detail', 'select-first'], initialUiState({ speedIndex: 2, pauseOnFailure: true }));
    const after = reduce(before, { type: 'restarted' }, env());
    expect(after).toMatchObject({ speedIndex: 3, pauseOnFailure: true, failuresOnly: false, detailOpen: false, follow: true, selectedSeq: null, playing: true });
  });
});

describe('reducer: selection', () => {
  it('follows the newest message until moved, and follows again at the last row', () => {
    const up = run(['select-prev']);
    expect(up).toMatchObject({ selectedSeq: 98, follow: false });
    expect(run(['select-next'], up)).toMatchObject({ selectedSeq: 99, follow: true });
  });

  it('g and G go to the first and last rows', () => {
    expect(run(['select-first'])).toMatchObject({ selectedSeq: 0, follow: false });
    expect(run(['select-first', 'select-last'])).toMatchObject({ selectedSeq: 99, follow: true });
  });

  it('pages by the visible rows, clamped', () => {
    expect(run(['select-first', 'page-down']).selectedSeq).toBe(9);
    expect(run(['select-first', 'page-up']).selectedSeq).toBe(0);
  });

  it('moves within a filtered view by position, not sequence number', () => {
    const view = sortedView([3, 7, 20, 41]);
    const state = run(['select-first', 'select-next'], start, env(view));
    expect(state.selectedSeq).toBe(7);
  });

  it('a selection the filter hides resolves to the next row shown', () => {
    expect(resolveSelection(5, false, sortedView([3, 7, 20]))).toEqual({ seq: 7, position: 1 });
    expect(resolveSelection(50, false, sortedView([3, 7, 20]))).toEqual({ seq: 20, position: 2 });
    expect(resolveSelection(5, false, sortedView([]))).toBeNull();
  });

  it('moves the links cursor when the links pane has focus', () => {
    const links = run(['next-pane', 'select-next', 'select-next', 'select-next']);
    expect(links).toMatchObject({ focus: 'links', linkCursor: 2 });
  });

  it('scrolls the log back and follows again at the newest entry', () => {
    const back = run(['next-pane', 'next-pane', 'select-prev']);
    expect(back).toMatchObject({ focus: 'log', logAnchor: 48 });
    expect(run(['select-last'], back).logAnchor).toBeNull();
    expect(run(['select-first'], back).logAnchor).toBe(4);
  });

  it('scrolls the trace, and keeps its end in view when back at the bottom', () => {
    const open = run(['toggle-detail', 'next-pane']);
    expect(open.focus).toBe('detail');
    expect(run(['select-prev'], open).detailScroll).toBe(11);
    expect(run(['select-first'], open).detailScroll).toBe(0);
    expect(run(['select-prev', 'select-next'], open).detailScroll).toBeNull();
  });
});

describe('reducer: panes, help, filter', () => {
  it('Tab cycles the panes; the trace joins only while open', () => {
    expect(run(['next-pane', 'next-pane', 'next-pane']).focus).toBe('messages');
    expect(run(['toggle-detail', 'next-pane']).focus).toBe('detail');
    expect(run(['prev-pane']).focus).toBe('log');
  });

  it('Enter toggles the trace; closing it from the trace pane returns focus to the list', () => {
    const inTrace = run(['toggle-detail', 'next-pane']);
    expect(run(['toggle-detail'], inTrace)).toMatchObject({ detailOpen: false, focus: 'messages' });
  });

  it('edits the filter as a draft, applies it on commit, restores it on cancel', () => {
    const typed = run(['start-filter', { type: 'filter-insert', text: 'x1' }, { type: 'filter-insert', text: ' ' }, { type: 'filter-insert', text: 'rate' }, { type: 'filter-backspace' }]);
    expect(typed.filter).toEqual({ text: '', editing: true, draft: 'x1 rat' });
    expect(run([{ type: 'filter-commit' }], typed).filter).toEqual({ text: 'x1 rat', editing: false, draft: 'x1 rat' });
    expect(run([{ type: 'filter-cancel' }], typed).filter).toEqual({ text: '', editing: false, draft: '' });
  });

  it('drops control characters pasted into the filter', () => {
    expect(run(['start-filter', { type: 'filter-insert', text: 'a\u001b[Ab\n' }]).filter.draft).toBe('a[Ab');
  });

  it('Esc backs out one thing at a time', () => {
    let state = run(['toggle-failures', 'toggle-detail', 'toggle-help']);
    state = run(['close'], state);
    expect(state).toMatchObject({ helpOpen: false, detailOpen: true, failuresOnly: true });
    state = run(['close'], state);
    expect(state).toMatchObject({ detailOpen: false, failuresOnly: true });
    state = run(['close'], state);
    expect(state.failuresOnly).toBe(false);
  });

  it('quit sets the quit flag', () => {
    expect(run(['quit']).quit).toBe(true);
  });
});

describe('reducer: pause on failure', () => {
  const kind = { key: 'rate-limited|X1|MAIL', label: 'rate-limited via X1 at MAIL (421 message rejected)' };
  const seen: UiAction = { type: 'failure-seen', kind, seq: 20, messageId: 'm00021' };

  it('pauses at a new kind of failure with that message selected and its trace open', () => {
    const state = reduce(initialUiState({ speedIndex: 5, pauseOnFailure: true }), seen, env());
    expect(state).toMatchObject({ playing: false, selectedSeq: 20, follow: false, detailOpen: true, focus: 'messages' });
    expect(state.notice?.text).toContain('rate-limited via X1 at MAIL');
    expect(state.notice?.text).toContain('m00021');
  });

  it('does not pause twice for the same kind', () => {
    const first = reduce(initialUiState({ speedIndex: 5, pauseOnFailure: true }), seen, env());
    const resumed = reduce(first, command('toggle-play'), env());
    expect(reduce(resumed, { ...seen, seq: 30 }, env())).toBe(resumed);
  });

  it('only remembers the kind without --pause-on-failure', () => {
    const state = reduce(start, seen, env());
    expect(state.playing).toBe(true);
    expect(state.seenFailures.has(kind.key)).toBe(true);
  });
});

describe('reducer: invariants', () => {
  const commands: Command[] = ['toggle-play', 'step', 'speed-up', 'speed-down', 'select-prev', 'select-next', 'page-up', 'page-down', 'select-first', 'select-last', 'toggle-detail', 'next-pane', 'prev-pane', 'toggle-failures', 'toggle-help', 'close'];

  it('any sequence of commands keeps every index in range', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...commands), { maxLength: 60 }), fc.uniqueArray(fc.nat(500), { maxLength: 40 }), (sequence, seqs) => {
        const view = sortedView([...seqs].sort((a, b) => a - b));
        const e = env(view);
        const state = run(sequence, start, e);
        expect(state.speedIndex).toBeGreaterThanOrEqual(0);
        expect(state.speedIndex).toBeLessThan(speedSteps.length);
        expect(state.linkCursor).toBeGreaterThanOrEqual(0);
        expect(state.linkCursor).toBeLessThan(3);
        if (state.selectedSeq !== null) expect(seqs).toContain(state.selectedSeq);
        if (state.logAnchor !== null) expect(state.logAnchor).toBeGreaterThanOrEqual(0);
        expect(['messages', 'links', 'log', ...(state.detailOpen ? ['detail'] : [])]).toContain(state.focus);
      }),
    );
  });

  it('is pure: the same state and action give equal states, and the input is not changed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...commands), { maxLength: 30 }), (sequence) => {
        const before = run(sequence);
        const copy = structuredClone({ ...before, seenFailures: [...before.seenFailures] });
        const a = reduce(before, command('select-prev'), env());
        const b = reduce(before, command('select-prev'), env());
        expect(a).toEqual(b);
        expect({ ...before, seenFailures: [...before.seenFailures] }).toEqual(copy);
      }),
    );
  });
});
