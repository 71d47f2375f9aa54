import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { footerItems, footerSegments } from '../../src/ui/components/footer.js';
import { helpLines } from '../../src/ui/components/help-overlay.js';
import { bindKey } from '../../src/ui/input/bind-key.js';
import { chunkKeyNames, keyName } from '../../src/ui/input/key-name.js';
import { commandForKey, keymap } from '../../src/ui/keymap.js';
import type { Command } from '../../src/ui/state/actions.js';
import { initialUiState, type UiState } from '../../src/ui/state/ui-state.js';

const noKey: Key = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
const key = (patch: Partial<Key>): Key => ({ ...noKey, ...patch });
const state = initialUiState({ speedIndex: 0, pauseOnFailure: false });
const text = (segments: readonly { text: string }[]) => segments.map((segment) => segment.text).join('');

describe('keymap table', () => {
  it('binds every key the issue names', () => {
    const expected: [string, Command][] = [
      ['space', 'toggle-play'], ['.', 'step'], ['right', 'step'], ['+', 'speed-up'], ['-', 'speed-down'],
      ['up', 'select-prev'], ['k', 'select-prev'], ['down', 'select-next'], ['j', 'select-next'], ['g', 'select-first'], ['G', 'select-last'],
      ['enter', 'toggle-detail'], ['tab', 'next-pane'], ['/', 'start-filter'], ['f', 'toggle-failures'], ['l', 'toggle-link'],
      ['r', 'restart'], ['?', 'toggle-help'], ['q', 'quit'], ['ctrl-c', 'quit'],
    ];
    for (const [name, command] of expected) expect(commandForKey(name), name).toBe(command);
  });

  it('binds each key once and describes each binding', () => {
    const keys = keymap.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of keymap) expect(binding.description.length).toBeGreaterThan(3);
  });

  it('the footer and the help are drawn from the table', () => {
    const help = helpLines(200).map(text).join('\n');
    for (const binding of keymap) {
      expect(help).toContain(binding.label);
      expect(help).toContain(binding.description);
    }
    expect(footerItems().map((item) => item.hint)).toEqual(keymap.filter((binding) => binding.hint !== undefined).map((binding) => binding.hint));
  });

  it('the footer fits any width and always keeps help and quit', () => {
    for (const width of [40, 60, 80, 120, 200]) {
      const line = text(footerSegments(width));
      expect(line.trimEnd().length, `width ${width}`).toBeLessThanOrEqual(width);
      expect(line).toContain('? help');
      expect(line).toContain('q quit');
    }
  });
});

describe('key names', () => {
  it('names special keys the way the keymap spells them', () => {
    expect(keyName('', key({ upArrow: true }))).toBe('up');
    expect(keyName('', key({ rightArrow: true }))).toBe('right');
    expect(keyName('', key({ return: true }))).toBe('enter');
    expect(keyName('', key({ tab: true }))).toBe('tab');
    expect(keyName('', key({ tab: true, shift: true }))).toBe('shift-tab');
    expect(keyName('', key({ escape: true, meta: true }))).toBe('escape');
    expect(keyName('', key({ delete: true }))).toBe('backspace');
    expect(keyName('c', key({ ctrl: true }))).toBe('ctrl-c');
    expect(keyName(' ', noKey)).toBe('space');
    expect(keyName('G', key({ shift: true }))).toBe('G');
    expect(keyName('x', key({ ctrl: true }))).toBeNull();
    expect(keyName('jj', noKey)).toBeNull();
  });

  it('splits a chunk of keys typed during one frame into presses', () => {
    expect(chunkKeyNames(' fg\r')).toEqual(['space', 'f', 'g', 'enter']);
    expect(chunkKeyNames('a\tb\u007f\u001b')).toEqual(['a', 'tab', 'b', 'backspace', 'escape']);
  });
});

describe('binding keys to actions by mode', () => {
  const editing: UiState = { ...state, filter: { text: '', editing: true, draft: '' } };

  it('keys in the panes are commands', () => {
    expect(bindKey(state, 'j')).toEqual([{ type: 'command', command: 'select-next' }]);
    expect(bindKey(state, 'z')).toEqual([]);
  });

  it('typed characters go to the filter line while it is open, q included', () => {
    expect(bindKey(editing, 'q')).toEqual([{ type: 'filter-insert', text: 'q' }]);
    expect(bindKey(editing, 'space')).toEqual([{ type: 'filter-insert', text: ' ' }]);
    expect(bindKey(editing, 'enter')).toEqual([{ type: 'filter-commit' }]);
    expect(bindKey(editing, 'escape')).toEqual([{ type: 'filter-cancel' }]);
    expect(bindKey(editing, 'backspace')).toEqual([{ type: 'filter-backspace' }]);
    expect(bindKey(editing, 'down')).toEqual([{ type: 'command', command: 'select-next' }]);
    expect(bindKey(editing, 'ctrl-c')).toEqual([{ type: 'command', command: 'quit' }]);
  });

  it('the help screen lets through only what makes sense over it', () => {
    const help: UiState = { ...state, helpOpen: true };
    expect(bindKey(help, 'j')).toEqual([]);
    expect(bindKey(help, 'l')).toEqual([]);
    expect(bindKey(help, '?')).toEqual([{ type: 'command', command: 'toggle-help' }]);
    expect(bindKey(help, 'escape')).toEqual([{ type: 'command', command: 'close' }]);
    expect(bindKey(help, 'q')).toEqual([{ type: 'command', command: 'quit' }]);
  });
});
