import type { RunSession } from '../../run/session.js';
import type { Snapshot } from '../../run/snapshot.js';
import { linkColumns, queueColumns } from '../columns.js';
import type { Layout } from '../layout.js';
import { activeFilterText, type UiState } from '../state/ui-state.js';
import { resolveSelection, type ListView } from '../state/list-view.js';
import { speedLabel } from '../state/speed.js';
import type { DetailView, HeaderView, LimitersView, LinksView, LogView, MessagesView, QueuesView, ViewModel } from '../view-model.js';
import type { LogEntry } from './log-entry.js';
import type { MessageIndex } from './message-index.js';
import { messageRow } from './message-row.js';
import type { RingBuffer } from './ring-buffer.js';
import type { BucketSeries } from './series.js';
import { traceLines } from './trace-lines.js';

/** Scenario-wide widths, measured once per session. */
export interface Widths {
  readonly id: number;
  readonly server: number;
  readonly link: number;
  readonly address: number;
}

/** What a frame is built from. */
export interface FrameInput {
  readonly session: RunSession;
  readonly snapshot: Snapshot;
  readonly state: UiState;
  readonly layout: Layout;
  readonly index: MessageIndex;
  readonly view: ListView;
  readonly failures: ReadonlyMap<string, BucketSeries>;
  readonly depths: ReadonlyMap<string, BucketSeries>;
  readonly log: RingBuffer<LogEntry>;
  /** First visible list position of the previous frame: the list scrolls only when it must. */
  readonly messageTop: number;
  readonly widths: Widths;
  readonly submitTo: string;
}

/** Builds one frame's view model. Cost grows with what is on screen, not with the run's size. */
export function buildViewModel(input: FrameInput): { readonly viewModel: ViewModel; readonly messageTop: number } {
  const { messages, messageTop } = messagesView(input);
  return {
    viewModel: {
      layout: input.layout,
      ui: input.state,
      header: headerView(input),
      links: linksView(input),
      queues: queuesView(input),
      limiters: limitersView(input),
      messages,
      detail: detailView(input),
      log: logView(input),
    },
    messageTop,
  };
}

function headerView({ session, snapshot, state, index }: FrameInput): HeaderView {
  const iso = session.clock.iso(snapshot.nowMs);
  const counts = index.stateCounts;
  return {
    scenario: session.scenario.name,
    date: iso.slice(0, 10),
    time: iso.slice(11, 19),
    offset: iso.slice(19).replace(/^\.\d+/, ''),
    startTime: session.clock.time(0),
    endTime: session.clock.time(snapshot.endMs),
    speed: speedLabel(state.speedIndex),
    progress: snapshot.endMs <= 0 ? 1 : Math.min(1, snapshot.nowMs / snapshot.endMs),
    totals: { submitted: index.submittedCount, delivered: counts.delivered, bounced: counts.bounced, pending: counts.queued + counts.deferred, deferred: counts.deferred, attempts: snapshot.totals.attempts },
  };
}

function linksView({ snapshot, state, layout, failures, widths }: FrameInput): LinksView {
  const ptrWidth = snapshot.links.reduce((widest, link) => Math.max(widest, (link.ptr ?? '✗ no PTR').length), 0);
  const { spark } = linkColumns(layout.columns, widths.link, widths.address, ptrWidth);
  const visible = layout.links.rows;
  const cursor = Math.min(state.linkCursor, snapshot.links.length - 1);
  const first = Math.max(0, Math.min(cursor - visible + 1, snapshot.links.length - visible));
  let failureMax = 0;
  const rows = snapshot.links.slice(first, first + visible).map((link, i) => {
    const columns = failures.get(link.name)?.columns(spark, snapshot.nowMs) ?? [];
    for (const value of columns) failureMax = Math.max(failureMax, value);
    return { ...link, failures: columns, selected: first + i === cursor };
  });
  return { rows, total: snapshot.links.length, failureMax, sparkWidth: spark, addressWidth: widths.address, ptrWidth };
}

function queuesView({ snapshot, session, layout, depths, widths }: FrameInput): QueuesView {
  const chartHeight = layout.middle.chartHeight;
  const { chart } = queueColumns(layout.middle.queuesWidth, widths.server);
  const fit = Math.max(1, Math.floor(layout.middle.rows / chartHeight));
  // One scale for every queue, so a queue of 3 does not look like one of 300.
  const max = snapshot.queues.reduce((deepest, queue) => Math.max(deepest, queue.peakDepth), 0);
  const rows = snapshot.queues.slice(0, fit).map((queue) => ({
    server: queue.server,
    depth: queue.depth,
    peak: queue.peakDepth,
    peakAt: queue.peakDepth === 0 ? '' : session.clock.time(queue.peakAtMs),
    depths: depths.get(queue.server)?.columns(chart, snapshot.nowMs) ?? [],
  }));
  return { rows, max, chartWidth: chart, chartHeight };
}

function limitersView({ snapshot, session, layout }: FrameInput): LimitersView {
  const perRow = layout.middle.rows >= snapshot.limiters.length * 2 ? 2 : 1;
  const fit = Math.floor(layout.middle.rows / perRow);
  // Blocked first, then the fullest: the ones about to bite.
  const sorted = [...snapshot.limiters].sort((a, b) => Number(b.blockedUntilMs !== null) - Number(a.blockedUntilMs !== null) || b.count / b.max - a.count / a.max);
  const rows = sorted.slice(0, fit).map((limiter) => ({
    peer: limiter.peer, limit: limiter.limit, key: limiter.key, count: limiter.count, max: limiter.max,
    blockedUntil: limiter.blockedUntilMs === null ? null : session.clock.time(limiter.blockedUntilMs),
  }));
  return { rows, hidden: sorted.length - rows.length };
}

function messagesView(input: FrameInput): { messages: MessagesView; messageTop: number } {
  const { view, state, layout, index, session, widths, submitTo } = input;
  const visible = Math.max(1, layout.messages.rows);
  const selection = resolveSelection(state.selectedSeq, state.follow, view);
  let top = Math.min(input.messageTop, Math.max(0, view.length - visible));
  if (selection !== null) {
    if (selection.position < top) top = selection.position;
    if (selection.position >= top + visible) top = selection.position - visible + 1;
  }
  const rows = [];
  for (let position = top; position < Math.min(view.length, top + visible); position++) {
    const seq = view.seqAt(position);
    rows.push(messageRow(index.message(seq), seq, session.clock, submitTo, seq === selection?.seq));
  }
  return {
    messages: { submitted: index.submittedCount, shown: view.length, offset: top, rows, filter: activeFilterText(state), failuresOnly: state.failuresOnly, scanProgress: index.scanProgress, widths },
    messageTop: top,
  };
}

function detailView({ view, state, layout, index, session }: FrameInput): DetailView | null {
  if (!state.detailOpen) return null;
  const selection = resolveSelection(state.selectedSeq, state.follow, view);
  if (selection === null) return { title: 'Trace', lines: [[{ text: 'no message selected yet', tone: 'muted' }]], first: 0, total: 1 };
  const message = index.message(selection.seq);
  const lines = traceLines(message, session.clock);
  const page = Math.max(1, layout.detail.rows);
  const bottom = Math.max(0, lines.length - page);
  const first = Math.min(state.detailScroll ?? bottom, bottom);
  return { title: `Trace ${message.spec.id}`, lines: lines.slice(first, first + page), first, total: lines.length };
}

function logView({ log, state, layout, session }: FrameInput): LogView {
  const page = layout.log.rows;
  const anchor = Math.max(log.first - 1, Math.min(state.logAnchor ?? log.last, log.last));
  const rows = [];
  for (let seq = Math.max(log.first, anchor - page + 1); seq <= anchor; seq++) {
    const entry = log.at(seq);
    if (entry !== undefined) rows.push({ time: session.clock.time(entry.atMs), tone: entry.tone, text: entry.text });
  }
  return { rows, total: log.total, following: state.logAnchor === null };
}
