import type { Command } from './state/actions.js';

/** One row of the keymap: the keys, how they are written, what they do. */
export interface KeyBinding {
  /** Key names as {@link keyName} produces them: `space`, `up`, `ctrl-c`, or the character. */
  readonly keys: readonly string[];
  /** How the help writes the keys. */
  readonly label: string;
  readonly command: Command;
  /** What it does, short enough for half of an 80-column help screen. */
  readonly description: string;
  /** More about it, shown when the help has the room. */
  readonly detail?: string;
  /** The footer's word for it; bindings without one appear in the help only. */
  readonly hint?: string;
  /** How the footer writes the keys, when shorter than `label`. */
  readonly footerLabel?: string;
}

/**
 * THE keymap: input binding, footer and help screen are all read from this one table, so they
 * cannot disagree. Order is the help's order; footer hints appear in the same order.
 */
export const keymap: readonly KeyBinding[] = [
  { keys: ['space'], label: 'Space', command: 'toggle-play', description: 'play / pause', hint: 'play' },
  { keys: ['.', 'right'], label: '. →', command: 'step', description: 'one event forward', detail: 'pauses, then runs to the next event the screen shows', hint: 'step', footerLabel: '.' },
  { keys: ['+', '='], label: '+', command: 'speed-up', description: 'faster', detail: 'more simulated seconds per real second, up to ×12000', hint: 'speed', footerLabel: '+-' },
  { keys: ['-', '_'], label: '-', command: 'speed-down', description: 'slower', detail: 'down to ×1, real time' },
  { keys: ['up', 'k'], label: '↑ k', command: 'select-prev', description: 'previous row / scroll up', detail: 'in the focused pane' },
  { keys: ['down', 'j'], label: '↓ j', command: 'select-next', description: 'next row / scroll down', hint: 'select', footerLabel: '↑↓' },
  { keys: ['pageup'], label: 'PgUp', command: 'page-up', description: 'page up' },
  { keys: ['pagedown'], label: 'PgDn', command: 'page-down', description: 'page down' },
  { keys: ['g', 'home'], label: 'g Home', command: 'select-first', description: 'first row' },
  { keys: ['G', 'end'], label: 'G End', command: 'select-last', description: 'last row, follow the newest', detail: 'the list keeps the newest message selected' },
  { keys: ['enter'], label: 'Enter', command: 'toggle-detail', description: 'open / close the trace', detail: 'every attempt of the selected message: rule, link, NAT, checks, reply', hint: 'trace', footerLabel: '⏎' },
  { keys: ['tab'], label: 'Tab', command: 'next-pane', description: 'next pane', detail: 'messages, trace (when open), links, log', hint: 'pane' },
  { keys: ['shift-tab'], label: 'Shift-Tab', command: 'prev-pane', description: 'previous pane' },
  { keys: ['/'], label: '/', command: 'start-filter', description: 'filter messages', detail: 'by domain, link, status or reason; see below', hint: 'filter' },
  { keys: ['f'], label: 'f', command: 'toggle-failures', description: 'failures only', detail: 'messages deferred, rejected or bounced at least once', hint: 'failures' },
  { keys: ['l'], label: 'l', command: 'toggle-link', description: 'link down / up now (what-if)', detail: "the links pane's selected link when it has focus, else the selected message's last link; the replay goes on from there", hint: 'link' },
  { keys: ['r'], label: 'r', command: 'restart', description: 'restart, same seed', detail: 'what-ifs undone, speed kept', hint: 'restart' },
  { keys: ['escape'], label: 'Esc', command: 'close', description: 'close, then clear the filter', detail: 'the help, the filter line or the trace, one at a time' },
  { keys: ['?'], label: '?', command: 'toggle-help', description: 'this help', hint: 'help' },
  { keys: ['q', 'ctrl-c'], label: 'q Ctrl-C', command: 'quit', description: 'quit', detail: 'and restore the terminal', hint: 'quit', footerLabel: 'q' },
];

/** While the filter line is open, typed characters go to it; these keys do the rest. */
export const filterKeymap: readonly { readonly label: string; readonly description: string }[] = [
  { label: 'Enter', description: 'apply' },
  { label: 'Esc', description: 'cancel' },
  { label: 'Backspace', description: 'delete a character' },
];

/** Commands the help screen lets through; the rest would act on panes it hides. */
export const helpCommands: ReadonlySet<Command> = new Set<Command>(['toggle-help', 'close', 'quit', 'toggle-play', 'speed-up', 'speed-down']);

const byKey = new Map<string, Command>(keymap.flatMap((binding) => binding.keys.map((key): [string, Command] => [key, binding.command])));

/** The command bound to a key name, if any. */
export function commandForKey(name: string): Command | undefined {
  return byKey.get(name);
}
