import { constants } from 'node:os';
import { render } from 'ink';
import { createElement } from 'react';
import type { RunSession } from '../run/session.js';
import { App } from './app.js';
import { TuiController } from './controller/controller.js';

/** What the TUI runs on. Streams default to the process's own. */
export interface TuiOptions {
  readonly createSession: () => RunSession;
  readonly pauseOnFailure: boolean;
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  readonly stderr?: NodeJS.WriteStream;
}

/** Alternate screen on, cleared, cursor home and hidden: the user's scrollback stays untouched. */
export const enterScreen = '\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l';
/** Cursor shown, back to the main screen as it was. */
export const leaveScreen = '\x1b[?25h\x1b[?1049l';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs the TUI until the user quits; resolves to the exit code. The terminal is restored on every
 * way out: quit, a crash in the UI, an uncaught exception, SIGINT/SIGTERM/SIGHUP, process exit.
 */
export async function startTui(options: TuiOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const stderr = options.stderr ?? process.stderr;
  // Built before the screen switches, so a scenario that fails to start fails on the main screen.
  const controller = new TuiController({ createSession: options.createSession, pauseOnFailure: options.pauseOnFailure, columns: stdout.columns, rows: stdout.rows });

  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    controller.stop();
    stdout.write(leaveScreen);
  };
  stdout.write(enterScreen);
  // Registered before Ink's own listener, so the new layout is ready when Ink redraws.
  const onResize = (): void => controller.resize(stdout.columns, stdout.rows);
  stdout.on('resize', onResize);

  // The controller paces frames itself (see noteFrameCost); Ink's own throttle only has to stay
  // out of the way of a key press, hence 60 fps.
  const instance = render(createElement(App, { controller }), {
    stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 60,
    onRender: ({ renderTime }) => controller.noteFrameCost(renderTime),
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    instance.unmount();
    restore();
    process.exit(128 + (constants.signals[signal] ?? 1));
  };
  const onCrash = (error: unknown): void => {
    instance.unmount();
    restore();
    stderr.write(`egress-sim: internal error in the TUI: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', restore);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  controller.start();
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    restore();
    stderr.write(`egress-sim: the TUI stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    restore();
    stdout.off('resize', onResize);
    for (const signal of signals) process.off(signal, onSignal);
    process.off('exit', restore);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}
