import type { ImportSummary } from './importer.js';
import { isoInOffset } from './timestamp.js';

/** `1234567` → `1,234,567`, whatever the machine's locale. */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The import's findings as text: what the log holds and what the real server did with it. */
export function formatImportSummary(summary: ImportSummary, file: string, offsetMinutes: number): string {
  const s = summary;
  const lines = [
    `${file}: ${count(s.lines)} lines: ${count(s.events)} mail events, ${count(s.skipped)} skipped, ${count(s.malformed)} malformed`,
    `  messages    ${count(s.messages)}${s.incomplete > 0 ? ` (and ${count(s.incomplete)} incomplete, begun before the log or never started in it, left out)` : ''}`,
    `  recipients  ${count(s.recipients)}`,
    `  domains     ${count(s.domains)}`,
    `  time span   ${s.firstAtEpochMs === null || s.lastAtEpochMs === null ? '(no messages)' : `${isoInOffset(s.firstAtEpochMs, offsetMinutes)} to ${isoInOffset(s.lastAtEpochMs, offsetMinutes)} (${span(s.lastAtEpochMs - s.firstAtEpochMs)})`}`,
    `  observed    ${count(s.observed.delivered)} delivered, ${count(s.observed.deferred)} deferred (still queued at the end of the log), ${count(s.observed.bounced)} bounced${s.observed.unknown > 0 ? `, ${count(s.observed.unknown)} unknown` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The malformed lines quoted as `FILE:LINE: malformed: reason`, then how many more there were. */
export function formatMalformed(summary: ImportSummary, file: string): string {
  if (summary.malformed === 0) return '';
  const lines = summary.malformedLines.map((bad) => `${file}:${bad.line}: malformed: ${bad.reason}\n  ${bad.line} | ${bad.text}`);
  const more = summary.malformed - summary.malformedLines.length;
  if (more > 0) lines.push(`${file}: ${count(more)} more malformed line${more === 1 ? '' : 's'} not shown`);
  return `${lines.join('\n')}\n`;
}

function span(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days > 0 ? `${days}d` : '', hours > 0 ? `${hours}h` : '', `${minutes % 60}m`].filter((part) => part !== '');
  return parts.join('');
}
