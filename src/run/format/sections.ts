import type { Report, ReportMessage } from '../report.js';
import { replyLine } from '../report.js';
import { observedSections } from './observed.js';
import { count, type Column } from './table.js';

/** A titled table of a report, shared by the text and Markdown formats. */
export interface Section {
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
  readonly note?: string;
}

/** How many not-delivered messages the brief listing shows. */
export const briefLimit = 30;

/** The report's tables, in reading order. */
export function reportSections(report: Report): Section[] {
  const time = (iso: string): string => iso.slice(11, 19);
  const sections: Section[] = [
    {
      title: 'Links',
      columns: [{ heading: 'LINK' }, { heading: 'ADDRESS' }, { heading: 'PTR' }, { heading: 'ATTEMPTS', align: 'right' }, { heading: 'ACCEPTED', align: 'right' }, { heading: 'DEFERRED', align: 'right' }, { heading: 'REJECTED', align: 'right' }],
      rows: report.links.map((link) => [link.name, link.address, link.ptr ?? '(none)', count(link.attempts), count(link.accepted), count(link.deferred), count(link.rejected)]),
    },
    {
      title: 'Reasons',
      columns: [{ heading: 'REASON' }, { heading: 'COUNT', align: 'right' }],
      rows: report.reasons.map((reason) => [reason.reason, count(reason.count)]),
    },
    {
      title: 'Queues',
      columns: [{ heading: 'SERVER' }, { heading: 'PEAK', align: 'right' }, { heading: 'PEAK AT' }, { heading: 'AT END', align: 'right' }],
      rows: report.queues.map((queue) => [queue.server, count(queue.peakDepth), time(queue.peakAt), count(queue.endDepth)]),
    },
  ];
  if (report.notices.length > 0) sections.push(noticeSection(report, time));
  if (report.expectations.length > 0) {
    sections.push({
      title: 'Expectations',
      columns: [{ heading: 'RESULT' }, { heading: 'EXPECTATION' }, { heading: 'MEASURED' }],
      rows: report.expectations.map((result) => [result.passed ? 'PASS' : 'FAIL', result.expectation, result.measured]),
    });
  }
  sections.push(...observedSections(report));
  const failed = report.messages.filter((message) => message.status !== 'delivered');
  if (failed.length > 0) {
    sections.push({
      title: `Not delivered (${count(failed.length)})`,
      columns: [{ heading: 'ID' }, { heading: 'SUBMITTED' }, { heading: 'STATUS' }, { heading: 'TO' }, { heading: 'TRIES', align: 'right' }, { heading: 'LAST' }],
      rows: failed.slice(0, briefLimit).map((message) => briefRow(message, time)),
      note: failed.length > briefLimit ? `first ${briefLimit} shown; --format json lists them all` : undefined,
    });
  }
  return sections;
}

function briefRow(message: ReportMessage, time: (iso: string) => string): string[] {
  const last = message.attempts.at(-1);
  const lastText = last === undefined ? 'no attempt yet' : `${last.link ?? last.server} ${replyLine(last.reply)} ${last.reason}`;
  const domains = [...new Set(message.to.map((to) => to.slice(to.indexOf('@') + 1)))].join(',');
  return [message.id, time(message.submittedAt), message.status, domains, String(message.attempts.length), lastText];
}

/** The headline: totals in one sentence. */
export function totalsLine(report: Report): string {
  const t = report.totals;
  return `${count(t.messages)} messages: ${count(t.delivered)} delivered, ${count(t.bounced)} bounced, ${count(t.pending)} pending; ${count(t.attempts)} attempts`;
}

/** Delay notices and bounces the servers sent, counted by server, kind and reason. */
function noticeSection(report: Report, time: (iso: string) => string): Section {
  const groups = new Map<string, { server: string; kind: string; reason: string; count: number; first: string }>();
  for (const notice of report.notices) {
    const key = `${notice.server}\u0000${notice.kind}\u0000${notice.reason}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { server: notice.server, kind: notice.kind, reason: notice.reason, count: 1, first: notice.at });
  }
  return {
    title: 'Notices to senders',
    columns: [{ heading: 'SERVER' }, { heading: 'NOTICE' }, { heading: 'REASON' }, { heading: 'COUNT', align: 'right' }, { heading: 'FIRST' }],
    rows: [...groups.values()].map((g) => [g.server, g.kind, g.reason, count(g.count), time(g.first)]),
  };
}
