import type { Report } from '../report.js';
import { reportSections, totalsLine } from './sections.js';
import { markdownTable } from './table.js';

/** The Markdown report, for tickets and change requests. */
export function formatMarkdown(report: Report): string {
  const s = report.scenario;
  const lines = [`# ${s.name}`, '', `\`${s.file}\`, seed ${s.seed}, ${s.start} to ${s.end}.`, '', `**${totalsLine(report)}**`];
  for (const section of reportSections(report)) {
    lines.push('', `## ${section.title}`, '', markdownTable(section.columns, section.rows));
    if (section.note) lines.push('', `_${section.note}_`);
  }
  return `${lines.join('\n')}\n`;
}
