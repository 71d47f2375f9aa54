import type { Report } from '../report.js';
import { reportSections, totalsLine } from './sections.js';
import { textTable } from './table.js';

/** The plain-text report, for terminals and logs. */
export function formatText(report: Report): string {
  const s = report.scenario;
  const lines = [`${s.name}`, `  ${s.file}, seed ${s.seed}`, `  ${s.start} to ${s.end}`, '', totalsLine(report)];
  for (const section of reportSections(report)) {
    lines.push('', section.title, textTable(section.columns, section.rows));
    if (section.note) lines.push(`  (${section.note})`);
  }
  return `${lines.join('\n')}\n`;
}
