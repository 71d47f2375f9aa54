import type { ObservedOutcome } from '../model/traffic.js';

/** A message read from a mail log: absolute times, as the log saw it. */
export interface ImportedMessage {
  /** The log's own id (Postfix queue id, Exchange internal message id, or `lineN` for CSV). */
  readonly id: string;
  /** When the server first saw it, ms since the Unix epoch. */
  readonly atEpochMs: number;
  /** The envelope sender; empty for a null sender (a bounce). */
  readonly from: string;
  /** Recipients in the order the log first named them, each once; never empty. */
  readonly to: readonly string[];
  readonly sizeBytes: number;
  /** What the real server did with it, as far as the log tells. */
  readonly observed: ObservedOutcome;
}

/** What one log line was: a mail event, a line to skip, or a malformed line and why. */
export type LineVerdict = 'event' | 'skipped' | { readonly malformed: string };

/** Receives each message once the parser knows all it will learn about it. */
export type MessageSink = (message: ImportedMessage) => void;

/**
 * A streaming parser of one log format. It holds only the messages still open (started but not
 * finished), at most `maxOpen` of them: past that, the oldest is given up as it stands.
 */
export interface LogParser {
  /** Reads one line (without its line break). */
  feed(line: string, emit: MessageSink): LineVerdict;
  /** End of the log: hands over every message still open. */
  finish(emit: MessageSink): void;
  /** Messages started and not finished. */
  readonly openCount: number;
  /** Messages the log shows only part of (begun before it starts), left out. */
  readonly incomplete: number;
}

/** How a parser reads times and how much it may hold. */
export interface ParserOptions {
  /** Year for classic syslog stamps (`Feb  7 09:15:02`), which carry none (LogImport's default: 2000). */
  readonly year: number;
  /** Offset of the log's local time from UTC, minutes, for stamps without one. */
  readonly offsetMinutes: number;
  /** Most open messages held at once; the oldest is flushed past it. */
  readonly maxOpen: number;
}
