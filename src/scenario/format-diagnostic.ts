/**
 * Turns diagnostics into the compiler-style text the CLI prints on stderr:
 * a `FILE:LINE:COL: error: PATH: message` header, the offending source line
 * and a caret under the culprit. Pure: the caller supplies the source text.
 *
 * @module
 */

import { formatPath, type Diagnostic } from './diagnostic.js';

// Tabs are expanded so the caret line lines up whatever the terminal's tab
// stops are, and so the output is the same in a file, a pipe or a test.
const TAB_WIDTH = 4;

/** Splits source text into lines the way the YAML line counter numbers them. */
function sourceLines(sourceText: string): string[] {
  return sourceText.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * Expands tabs and masks control characters, returning the display text and
 * the display column at which each source character starts (plus one entry
 * for the end of the line).
 */
function toDisplay(line: string): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  for (const ch of line) {
    // `for…of` walks code points; positions are in code units, so pad the
    // index table for the second half of a surrogate pair.
    for (let i = 0; i < ch.length; i++) starts.push(text.length);
    if (ch === '\t') text += ' '.repeat(TAB_WIDTH - (text.length % TAB_WIDTH));
    // A stray escape or bell in a bad file must not drive the terminal.
    else if (/[\u0000-\u001f\u007f]/.test(ch)) text += '\u2400';
    else text += ch;
  }
  starts.push(text.length);
  return { text, starts };
}

/**
 * Formats one diagnostic with its source excerpt. The result has no trailing
 * newline. When the diagnostic's line is not in `sourceText` (for example a
 * stale position), only the header line is returned.
 */
export function formatDiagnostic(d: Diagnostic, sourceText: string): string {
  const header = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${formatPath(d.path)}: ${d.message}`;
  const lines = sourceLines(sourceText);
  const source = d.line >= 1 ? lines[d.line - 1] : undefined;
  if (source === undefined) return header;

  const { text, starts } = toDisplay(source);
  const lastIndex = starts.length - 1;
  const from = Math.min(Math.max(d.column - 1, 0), lastIndex);
  const to = Math.min(from + Math.max(d.length ?? 1, 1), lastIndex);
  const caretStart = starts[from] ?? text.length;
  const caretEnd = starts[to] ?? text.length;
  // A caret past the end of the line (a missing value, a missing bracket)
  // still gets one mark so the eye finds it.
  const carets = '^'.repeat(Math.max(caretEnd - caretStart, 1));

  const lineNo = String(d.line);
  const gutter = `  ${lineNo} |`;
  const blank = `  ${' '.repeat(lineNo.length)} |`;
  const sourceRow = text.length > 0 ? `${gutter} ${text}` : gutter;
  return `${header}\n${sourceRow}\n${blank} ${' '.repeat(caretStart)}${carets}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Formats every diagnostic in the order given, followed by a summary line such
 * as `2 errors in scenario.yaml` or `1 error and 1 warning in scenario.yaml`.
 * The result ends with a newline; it is empty when there is nothing to report.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], sourceText: string): string {
  const first = diagnostics[0];
  if (first === undefined) return '';
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts = [
    ...(errors > 0 ? [plural(errors, 'error')] : []),
    ...(warnings > 0 ? [plural(warnings, 'warning')] : []),
  ].join(' and ');
  const files = new Set(diagnostics.map((d) => d.file));
  const where = files.size === 1 ? first.file : `${files.size} files`;
  const blocks = diagnostics.map((d) => formatDiagnostic(d, sourceText));
  return `${blocks.join('\n')}\n${counts} in ${where}\n`;
}
