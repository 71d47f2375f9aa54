import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { TuiController } from '../controller/controller.js';

/** A fixed size, for tests and the benchmark; the real terminal's otherwise. */
export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** Keeps the controller's layout on the terminal's size, following resizes. */
export function useTerminalSize(controller: TuiController, fixed?: TerminalSize): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const apply = () => controller.resize(fixed?.columns ?? stdout.columns ?? 80, fixed?.rows ?? stdout.rows ?? 24);
    apply();
    stdout.on('resize', apply);
    return () => {
      stdout.off('resize', apply);
    };
  }, [controller, stdout, fixed?.columns, fixed?.rows]);
}
