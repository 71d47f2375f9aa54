import { constants } from 'node:os';
import type { Instance } from 'ink';

/** Alternate screen on, cleared, cursor home and hidden: the user's scrollback stays untouched. */
export const enterScreen = '\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l';
/** Cursor shown, back to the main screen as it was. */
export const leaveScreen = '\x1b[?25h\x1b[?1049l';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a full-screen view needs to run. */
export interface ScreenRun {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** Names the view in error messages ("the TUI", "the compare view"). */
  readonly what: string;
  /** Renders the view; called once the alternate screen is on. */
  readonly mount: () => Instance;
  /** Stops whatever drives the view (timers); called before the screen is left. */
  readonly stop: () => void;
}

/**
 * Runs a full-screen Ink view until it exits; resolves to the exit code. The terminal is restored
 * on every way out: quit, a crash in the view, an uncaught exception, SIGINT/SIGTERM/SIGHUP,
 * process exit.
 */
export async function runOnAlternateScreen(run: ScreenRun): Promise<number> {
  const { stdout, stderr } = run;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    run.stop();
    stdout.write(leaveScreen);
  };
  stdout.write(enterScreen);
  const instance = run.mount();
  const onSignal = (signal: NodeJS.Signals): void => {
    instance.unmount();
    restore();
    process.exit(128 + (constants.signals[signal] ?? 1));
  };
  const onCrash = (error: unknown): void => {
    instance.unmount();
    restore();
    stderr.write(`egress-sim: internal error in ${run.what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', restore);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    restore();
    stderr.write(`egress-sim: ${run.what} stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    restore();
    for (const signal of signals) process.off(signal, onSignal);
    process.off('exit', restore);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}
