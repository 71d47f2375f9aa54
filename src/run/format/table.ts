/** A column: its heading and whether numbers align right. */
export interface Column {
  readonly heading: string;
  readonly align?: 'left' | 'right';
}

/** Plain-text table with aligned columns and a two-space indent. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(column.heading.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(columns.map((column) => column.heading)), ...rows.map(line)].join('\n');
}

/** GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const header = `| ${columns.map((column) => column.heading).join(' | ')} |`;
  const rule = `|${columns.map((column) => (column.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [header, rule, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}

/** `1234567` → `1,234,567`, the same on every machine whatever its locale. */
export function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
