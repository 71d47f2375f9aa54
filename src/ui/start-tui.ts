import { render } from 'ink';
import { createElement } from 'react';
import type { RunSession } from '../run/session.js';
import { runOnAlternateScreen } from './alternate-screen.js';
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

/**
 * Runs the TUI until the user quits; resolves to the exit code. The terminal is restored on every
 * way out (see runOnAlternateScreen).
 */
export async function startTui(options: TuiOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const stderr = options.stderr ?? process.stderr;
  // Built before the screen switches, so a scenario that fails to start fails on the main screen.
  const controller = new TuiController({ createSession: options.createSession, pauseOnFailure: options.pauseOnFailure, columns: stdout.columns, rows: stdout.rows });
  // Registered before Ink's own listener, so the new layout is ready when Ink redraws.
  const onResize = (): void => controller.resize(stdout.columns, stdout.rows);
  stdout.on('resize', onResize);
  try {
    return await runOnAlternateScreen({
      stdout,
      stderr,
      what: 'the TUI',
      stop: () => controller.stop(),
      mount: () => {
        // The controller paces frames itself (see noteFrameCost); Ink's own throttle only has to
        // stay out of the way of a key press, hence 60 fps.
        const instance = render(createElement(App, { controller }), {
          stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 60,
          onRender: ({ renderTime }) => controller.noteFrameCost(renderTime),
        });
        controller.start();
        return instance;
      },
    });
  } finally {
    stdout.off('resize', onResize);
  }
}
