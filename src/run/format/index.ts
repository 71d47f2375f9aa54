import type { Report } from '../report.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';

/** Report formats the command line offers. */
export const reportFormats = ['text', 'json', 'markdown'] as const;

/** One of the report formats. */
export type ReportFormat = (typeof reportFormats)[number];

/** Formats a report. */
export function formatReport(report: Report, format: ReportFormat): string {
  return format === 'json' ? formatJson(report) : format === 'markdown' ? formatMarkdown(report) : formatText(report);
}
