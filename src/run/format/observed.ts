import type { ObservedOutcome } from '../../model/traffic.js';
import type { MessageStatus } from '../../model/world/types.js';
import { agrees } from '../observed.js';
import type { Report, ReportMessage } from '../report.js';
import { replyLine } from '../report.js';
import type { Section } from './sections.js';
import { count } from './table.js';

/** How many disagreeing messages the brief listing shows. */
const listed = 30;

/**
 * The comparison with the mail log, for traffic imported from one: a table of logged outcomes by
 * simulated status, then the first messages the model ends differently from the real server.
 */
export function observedSections(report: Report): Section[] {
  const observed = report.observed;
  if (observed === undefined) return [];
  const percent = observed.compared === 0 ? '' : ` (${((100 * observed.agreeing) / observed.compared).toFixed(1)}%)`;
  const sections: Section[] = [
    {
      title: 'Compared with the log',
      columns: [{ heading: 'IN THE LOG' }, { heading: 'MESSAGES', align: 'right' }, { heading: 'SIM DELIVERED', align: 'right' }, { heading: 'SIM BOUNCED', align: 'right' }, { heading: 'SIM PENDING', align: 'right' }],
      rows: observed.rows.map((row) => [row.observed, count(row.messages), count(row.simulated.delivered), count(row.simulated.bounced), count(row.simulated.pending)]),
      note: `the model ends ${count(observed.agreeing)} of ${count(observed.compared)} messages as the log does${percent}; deferred in the log matches pending at the end of the run`,
    },
  ];
  const differing = report.messages.filter((message) => message.observed !== undefined && message.observed !== 'unknown' && !agrees(message.observed as ObservedOutcome, message.status as MessageStatus));
  if (differing.length > 0) {
    sections.push({
      title: `Log and model differ (${count(differing.length)})`,
      columns: [{ heading: 'ID' }, { heading: 'SUBMITTED' }, { heading: 'IN THE LOG' }, { heading: 'SIMULATED' }, { heading: 'TO' }, { heading: 'LAST' }],
      rows: differing.slice(0, listed).map(differingRow),
      note: differing.length > listed ? `first ${listed} shown; --format json lists them all` : undefined,
    });
  }
  return sections;
}

function differingRow(message: ReportMessage): string[] {
  const last = message.attempts.at(-1);
  const lastText = last === undefined ? 'no attempt yet' : `${last.link ?? last.server} ${replyLine(last.reply)} ${last.reason}`;
  const domains = [...new Set(message.to.map((to) => to.slice(to.indexOf('@') + 1)))].join(',');
  return [message.id, message.submittedAt.slice(11, 19), message.observed!, message.status, domains, lastText];
}
