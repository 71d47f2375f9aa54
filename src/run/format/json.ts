import type { Report } from '../report.js';

/** The JSON report: the whole run, two-space indented, keys in a fixed order. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
