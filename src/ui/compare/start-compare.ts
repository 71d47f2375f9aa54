import { render } from 'ink';
import { createElement } from 'react';
import type { RunSession } from '../../run/session.js';
import { enterScreen, leaveScreen } from '../start-tui.js';
import { CompareController } from './compare-controller.js';
import { CompareApp } from './compare-app.js';

/** Runs the compare view until the user quits; resolves to the exit code. */
export async function startCompare(before: RunSession, after: RunSession, titles: readonly [string, string]): Promise<number> {
  const { stdout, stdin, stderr } = process;
  const controller = new CompareController(before, after, titles);
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    controller.stop();
    stdout.write(leaveScreen);
  };
  stdout.write(enterScreen);
  process.on('exit', restore);
  const instance = render(createElement(CompareApp, { controller, columns: stdout.columns || 100, rows: stdout.rows || 30 }), { stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 20 });
  controller.start();
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    restore();
    stderr.write(`egress-sim: the compare view stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    restore();
    process.off('exit', restore);
  }
}
