import { commandForKey, helpCommands } from '../keymap.js';
import { command, type UiAction } from '../state/actions.js';
import type { UiState } from '../state/ui-state.js';

/**
 * Turns a key (as named by key-name.ts) into the actions it means in the current
 * mode: typing into the filter line, the help screen, or the panes. Pure, so it is tested as a table.
 */
export function bindKey(state: UiState, name: string): UiAction[] {
  if (state.filter.editing) return filterKey(name);
  const bound = commandForKey(name);
  if (bound === undefined) return [];
  if (state.helpOpen && !helpCommands.has(bound)) return [];
  return [command(bound)];
}

function filterKey(name: string): UiAction[] {
  switch (name) {
    case 'enter':
      return [{ type: 'filter-commit' }];
    case 'escape':
      return [{ type: 'filter-cancel' }];
    case 'backspace':
      return [{ type: 'filter-backspace' }];
    case 'ctrl-c':
      return [command('quit')];
    // The arrows keep moving the selection, so a filter can be checked against the list while typed.
    case 'up':
      return [command('select-prev')];
    case 'down':
      return [command('select-next')];
    case 'space':
      return [{ type: 'filter-insert', text: ' ' }];
    default:
      return name.length === 1 ? [{ type: 'filter-insert', text: name }] : [];
  }
}
