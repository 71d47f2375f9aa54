/** What the command line touches of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdin and stdout are both terminals (the TUI needs both). */
  readonly interactive: boolean;
  readonly readFile: (path: string) => string;
  /** Writes a whole file, replacing it; throws on failure as node's fs does. */
  readonly writeFile: (path: string, text: string) => void;
  /** The entries of a directory, or undefined when the path is not one. */
  readonly listDir: (path: string) => readonly { readonly name: string; readonly directory: boolean }[] | undefined;
}

/** Exit codes: 0 success, 1 an expectation or lint error failed, 2 unusable input. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;
