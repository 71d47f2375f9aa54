import { useApp } from 'ink';
import { useEffect } from 'react';
import { Screen } from './components/screen.js';
import type { TuiController } from './controller/controller.js';
import { useKeys } from './hooks/use-keys.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { useViewModel } from './hooks/use-view-model.js';

/**
 * The TUI's root: wires the controller's frames, the terminal size and the keys to the screen.
 * All the logic lives in the controller and the reducer; this stays thin.
 */
export function App({ controller, size }: { readonly controller: TuiController; readonly size?: TerminalSize }) {
  const vm = useViewModel(controller);
  const { exit } = useApp();
  useTerminalSize(controller, size);
  useKeys(controller);
  useEffect(() => {
    if (vm.ui.quit) exit();
  }, [vm.ui.quit, exit]);
  return <Screen vm={vm} />;
}
