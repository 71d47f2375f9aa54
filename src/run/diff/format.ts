import { formatDelay } from '../expectations.js';
import { count, markdownTable, textTable, type Column } from '../format/table.js';
import type { ReportFormat } from '../format/index.js';
import type { Delta, MessageChange, RunDiff } from './compare.js';

/** At most this many changed messages are listed in text and Markdown (JSON lists them all). */
export const listedChangesMax = 50;

/** Formats a diff as text, JSON or Markdown. Pure. */
export function formatDiff(diff: RunDiff, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(diffJson(diff), null, 2)}\n`;
  const md = format === 'markdown';
  const table = md ? markdownTable : textTable;
  const heading = (text: string): string => (md ? `## ${text}` : text);
  const parts = [
    md ? `# Diff: ${diff.before} → ${diff.after}` : `Diff: ${diff.before} → ${diff.after}`,
    `seed ${diff.seed}; ${diff.changes.length} messages changed: ${diff.worse} worse, ${diff.better} better`,
    ...(diff.sameTraffic ? [] : ['note: the two scenarios differ in traffic; messages are matched by id']),
    heading('Totals'),
    table(deltaColumns('total'), diff.totals.map(deltaRow)),
    heading('Links'),
    table([...deltaColumns('link').slice(0, 4), { heading: 'failed before', align: 'right' }, { heading: 'failed after', align: 'right' }], diff.links.map((link) => [...deltaRow(link), count(link.failedBefore), count(link.failedAfter)])),
    heading('Reasons'),
    table(deltaColumns('reason'), diff.reasons.map(deltaRow)),
    heading('Queue peaks'),
    table(deltaColumns('server'), diff.queuePeaks.map(deltaRow)),
    heading('Changed messages'),
    diff.changes.length === 0 ? (md ? 'None.' : '  none') : table(changeColumns, diff.changes.slice(0, listedChangesMax).map(changeRow)),
    ...(diff.changes.length > listedChangesMax ? [`${md ? '' : '  '}… and ${diff.changes.length - listedChangesMax} more (--format json lists them all)`] : []),
  ];
  return `${parts.join(md ? '\n\n' : '\n')}\n`;
}

function deltaColumns(first: string): Column[] {
  return [{ heading: first }, { heading: 'before', align: 'right' }, { heading: 'after', align: 'right' }, { heading: 'change', align: 'right' }];
}

function deltaRow(delta: Delta): string[] {
  const change = delta.after - delta.before;
  return [delta.name, count(delta.before), count(delta.after), change === 0 ? '0' : `${change > 0 ? '+' : '-'}${count(Math.abs(change))}`];
}

const changeColumns: Column[] = [{ heading: 'message' }, { heading: 'verdict' }, { heading: 'before' }, { heading: 'after' }, { heading: 'what changed' }];

function changeRow(change: MessageChange): string[] {
  return [change.id, change.verdict, outcomeText(change.before), outcomeText(change.after), change.what.join('; ')];
}

function outcomeText(outcome: MessageChange['before']): string {
  if (outcome === null) return '-';
  const via = outcome.links.length > 0 ? ` via ${outcome.links.join('+')}` : '';
  const detail = outcome.status === 'delivered' && outcome.delayMs !== null ? ` in ${formatDelay(outcome.delayMs)}` : outcome.reason !== null ? ` (${outcome.reason})` : '';
  return `${outcome.status}${detail}${via}`;
}

function diffJson(diff: RunDiff): unknown {
  return {
    before: diff.before, after: diff.after, seed: diff.seed, sameTraffic: diff.sameTraffic,
    summary: { changed: diff.changes.length, worse: diff.worse, better: diff.better },
    totals: diff.totals.map(withChange), links: diff.links.map(withChange), reasons: diff.reasons.map(withChange), queuePeaks: diff.queuePeaks.map(withChange),
    changes: diff.changes,
  };
}

function withChange<T extends Delta>(delta: T): T & { change: number } {
  return { ...delta, change: delta.after - delta.before };
}
