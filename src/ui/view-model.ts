import type { LinkSnapshot } from '../run/snapshot.js';
import type { Layout } from './layout.js';
import type { MessageState } from './state/message-state.js';
import type { UiState } from './state/ui-state.js';

/** Accents a piece of text may carry; the theme turns them into colours (or none, with NO_COLOR). */
export type Tone = 'ok' | 'warn' | 'bad' | 'accent' | 'muted' | 'user';

/** A run of text with one look. */
export interface Segment {
  readonly text: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
}

/** One line of segments. */
export type SegmentLine = readonly Segment[];

/** The header: what is playing, when, how fast, how far. */
export interface HeaderView {
  readonly scenario: string;
  /** Simulated wall-clock time, `YYYY-MM-DD`, `HH:MM:SS` and the offset. */
  readonly date: string;
  readonly time: string;
  readonly offset: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly speed: string;
  readonly progress: number;
  readonly totals: { readonly submitted: number; readonly delivered: number; readonly bounced: number; readonly pending: number; readonly deferred: number; readonly attempts: number };
}

/** A link row: the run's snapshot of the link, plus one sparkline value per column (-1 for time not reached yet). */
export interface LinkRow extends LinkSnapshot {
  readonly failures: readonly number[];
  readonly selected: boolean;
}

export interface LinksView {
  readonly rows: readonly LinkRow[];
  readonly total: number;
  /** The largest sparkline column over every link, so their heights compare. */
  readonly failureMax: number;
  readonly sparkWidth: number;
  /** Widest public address, so the column fits IPv6 too. */
  readonly addressWidth: number;
  /** Widest PTR name (or the no-PTR mark). */
  readonly ptrWidth: number;
}

/** A queue; `depths` holds one value per chart column (the deepest in it), -1 for the future. */
export interface QueueRow {
  readonly server: string;
  readonly depth: number;
  readonly peak: number;
  readonly peakAt: string;
  readonly depths: readonly number[];
}

export interface QueuesView {
  readonly rows: readonly QueueRow[];
  /** Chart scale: the deepest any queue has been, shared so the servers compare. */
  readonly max: number;
  readonly chartWidth: number;
  readonly chartHeight: number;
}

export interface LimiterRow {
  readonly peer: string;
  readonly limit: string;
  readonly key: string;
  readonly count: number;
  readonly max: number;
  /** Wall-clock time the block ends, null when not blocked. */
  readonly blockedUntil: string | null;
}

export interface LimitersView {
  readonly rows: readonly LimiterRow[];
  /** Limiter keys that did not fit. */
  readonly hidden: number;
}

/** A visible message row. */
export interface MessageRow {
  readonly seq: number;
  readonly id: string;
  readonly time: string;
  readonly from: string;
  /** First recipient domain, with `+N` when there are more. */
  readonly domains: string;
  readonly server: string;
  readonly link: string;
  readonly reply: string;
  readonly state: MessageState;
  readonly selected: boolean;
}

export interface MessagesView {
  /** Messages submitted so far. */
  readonly submitted: number;
  /** Messages the filter lets through. */
  readonly shown: number;
  /** Position of the first visible row in the filtered list. */
  readonly offset: number;
  readonly rows: readonly MessageRow[];
  readonly filter: string;
  readonly failuresOnly: boolean;
  /** How much of the list a new filter has checked so far, 0..1. */
  readonly scanProgress: number;
  /** Widths that depend on the scenario, not the terminal. */
  readonly widths: { readonly id: number; readonly server: number; readonly link: number };
}

/** The selected message's trace, already cut to the lines the pane shows. */
export interface DetailView {
  readonly title: string;
  readonly lines: readonly SegmentLine[];
  readonly first: number;
  readonly total: number;
}

export interface LogRow {
  readonly time: string;
  readonly tone: Tone;
  readonly text: string;
}

export interface LogView {
  readonly rows: readonly LogRow[];
  readonly total: number;
  readonly following: boolean;
}

/**
 * Everything one frame shows, as plain data built by the controller at a steady rate. Lists hold
 * only the rows that fit (virtualised); components only lay it out.
 */
export interface ViewModel {
  readonly layout: Layout;
  readonly ui: UiState;
  readonly header: HeaderView;
  readonly links: LinksView;
  readonly queues: QueuesView;
  readonly limiters: LimitersView;
  readonly messages: MessagesView;
  readonly detail: DetailView | null;
  readonly log: LogView;
}
