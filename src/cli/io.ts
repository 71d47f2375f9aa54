/** What the command line touches of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdin and stdout are both terminals (the TUI needs both). */
  readonly interactive: boolean;
  readonly readFile: (path: string) => string;
}

/** Exit codes: 0 success, 1 an expectation or lint error failed, 2 unusable input. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;
