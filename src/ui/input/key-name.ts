import type { Key } from 'ink';

/**
 * Names a key press the way the keymap spells keys: `up`, `enter`, `shift-tab`, `ctrl-c`,
 * `space`, or the character itself. Null for presses the UI ignores (bare modifiers, F-keys).
 */
export function keyName(input: string, key: Key): string | null {
  if (key.ctrl && input === 'c') return 'ctrl-c';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl || key.meta) return null;
  if (input === ' ') return 'space';
  return input.length === 1 ? input : null;
}

const controlKeys: Readonly<Record<string, string>> = { ' ': 'space', '\r': 'enter', '\n': 'enter', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace', '\x1b': 'escape', '\x03': 'ctrl-c' };

/**
 * Names each key of a chunk that arrived as one piece: keys typed while a frame was being drawn
 * reach Ink together ("jj\r"), and each must still count as its own press.
 */
export function chunkKeyNames(text: string): string[] {
  return [...text].map((char) => controlKeys[char] ?? char);
}
