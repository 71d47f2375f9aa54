import type { ObservedOutcome } from '../model/traffic.js';
import type { Anonymiser } from './anonymise.js';
import { ExchangeParser } from './exchange.js';
import { PlainCsvParser } from './plain-csv.js';
import { PostfixParser } from './postfix.js';
import type { ImportedMessage, LogParser, MessageSink, ParserOptions } from './types.js';

/** The log formats the importer reads. */
export const importFormats = ['postfix', 'exchange', 'csv'] as const;

/** One of the log formats. */
export type ImportFormat = (typeof importFormats)[number];

/** A malformed line, as reported. */
export interface MalformedLine {
  /** 1-based line number in the log. */
  readonly line: number;
  readonly reason: string;
  /** The line, cut to 200 characters. */
  readonly text: string;
}

/** What an import found. */
export interface ImportSummary {
  readonly lines: number;
  readonly events: number;
  readonly skipped: number;
  readonly malformed: number;
  /** The first few malformed lines. */
  readonly malformedLines: readonly MalformedLine[];
  readonly messages: number;
  readonly recipients: number;
  readonly domains: number;
  /** Earliest and latest submission, ms since the epoch; null without messages. */
  readonly firstAtEpochMs: number | null;
  readonly lastAtEpochMs: number | null;
  readonly observed: Readonly<Record<ObservedOutcome, number>>;
  /** Messages the log shows only part of (begun before it starts), left out. */
  readonly incomplete: number;
  /** Most messages held open at once. */
  readonly peakOpen: number;
}

/** Import settings; times without an offset are `offsetMinutes` east of UTC. */
export interface ImportOptions extends Partial<ParserOptions> {
  readonly format: ImportFormat;
  /** How many malformed lines the summary quotes. */
  readonly malformedShown?: number;
  readonly anonymiser?: Anonymiser;
}

/** Default bound on open messages: far above any real queue, far below memory trouble. */
export const defaultMaxOpen = 200_000;

/**
 * One streaming import: feed it the log's lines in order, then finish. Each finished message goes
 * to `onMessage` as soon as it is known; memory holds only open messages and the domain set.
 */
export class LogImport {
  private readonly parser: LogParser;
  private readonly emit: MessageSink;
  private readonly domainSet = new Set<string>();
  private readonly malformedShown: number;
  private readonly malformedLines: MalformedLine[] = [];
  private readonly observed: Record<ObservedOutcome, number> = { delivered: 0, deferred: 0, bounced: 0, unknown: 0 };
  private lineNumber = 0;
  private counts = { events: 0, skipped: 0, malformed: 0, messages: 0, recipients: 0, peakOpen: 0 };
  private first: number | null = null;
  private last: number | null = null;

  constructor(options: ImportOptions, onMessage: MessageSink) {
    const parserOptions: ParserOptions = { year: options.year ?? 2000, offsetMinutes: options.offsetMinutes ?? 0, maxOpen: options.maxOpen ?? defaultMaxOpen };
    this.parser = options.format === 'postfix' ? new PostfixParser(parserOptions) : options.format === 'exchange' ? new ExchangeParser(parserOptions) : new PlainCsvParser(parserOptions);
    this.malformedShown = options.malformedShown ?? 5;
    const anonymiser = options.anonymiser;
    this.emit = (message) => {
      const shown = anonymiser === undefined ? message : anonymiser.message(message);
      this.count(shown);
      onMessage(shown);
    };
  }

  /** Messages open right now. */
  get openCount(): number {
    return this.parser.openCount;
  }

  /** Lines read so far. */
  get lines(): number {
    return this.lineNumber;
  }

  /** Reads the next line of the log (without its line break). Never throws for bad input. */
  feed(line: string): void {
    this.lineNumber++;
    const verdict = this.parser.feed(line, this.emit);
    if (verdict === 'event') this.counts.events++;
    else if (verdict === 'skipped') this.counts.skipped++;
    else {
      this.counts.malformed++;
      if (this.malformedLines.length < this.malformedShown) this.malformedLines.push({ line: this.lineNumber, reason: verdict.malformed, text: line.slice(0, 200) });
    }
    if (this.parser.openCount > this.counts.peakOpen) this.counts.peakOpen = this.parser.openCount;
  }

  /** End of the log: flushes the messages still open and returns the summary. */
  finish(): ImportSummary {
    this.parser.finish(this.emit);
    const { events, skipped, malformed, messages, recipients, peakOpen } = this.counts;
    return {
      lines: this.lineNumber, events, skipped, malformed, malformedLines: this.malformedLines, messages, recipients, domains: this.domainSet.size,
      firstAtEpochMs: this.first, lastAtEpochMs: this.last, observed: { ...this.observed }, incomplete: this.parser.incomplete, peakOpen,
    };
  }

  private count(message: ImportedMessage): void {
    this.counts.messages++;
    this.counts.recipients += message.to.length;
    this.observed[message.observed]++;
    for (const to of message.to) this.domainSet.add(to.slice(to.lastIndexOf('@') + 1));
    if (this.first === null || message.atEpochMs < this.first) this.first = message.atEpochMs;
    if (this.last === null || message.atEpochMs > this.last) this.last = message.atEpochMs;
  }
}

/** Imports a whole log given as lines (tests, small files); the CLI streams instead. */
export function importLines(lines: Iterable<string>, options: ImportOptions): { messages: ImportedMessage[]; summary: ImportSummary } {
  const messages: ImportedMessage[] = [];
  const run = new LogImport(options, (message) => messages.push(message));
  for (const line of lines) run.feed(line);
  return { messages, summary: run.finish() };
}
