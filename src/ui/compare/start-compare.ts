import { render } from 'ink';
import { createElement } from 'react';
import type { RunSession } from '../../run/session.js';
import { runOnAlternateScreen } from '../alternate-screen.js';
import { CompareController } from './compare-controller.js';
import { CompareApp } from './compare-app.js';

/**
 * Runs the compare view until the user quits; resolves to the exit code. The terminal is restored
 * on every way out, signals and crashes included, as for the TUI.
 */
export async function startCompare(before: RunSession, after: RunSession, titles: readonly [string, string]): Promise<number> {
  const { stdout, stdin, stderr } = process;
  const controller = new CompareController(before, after, titles);
  return runOnAlternateScreen({
    stdout,
    stderr,
    what: 'the compare view',
    stop: () => controller.stop(),
    mount: () => {
      const instance = render(createElement(CompareApp, { controller, columns: stdout.columns || 100, rows: stdout.rows || 30 }), { stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 20 });
      controller.start();
      return instance;
    },
  });
}
