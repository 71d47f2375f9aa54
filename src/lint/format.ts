import { sortDiagnostics, type Diagnostic } from '../scenario/diagnostic.js';
import { formatDiagnostic } from '../scenario/format-diagnostic.js';
import { parseYamlSource } from '../scenario/yaml-source.js';
import type { Finding } from './types.js';

/** A finding with its place in the file. */
export interface PositionedFinding extends Diagnostic {
  readonly rule: string;
  readonly fix: string;
}

/** Places findings in the source text, sorted top to bottom. */
export function positionFindings(findings: readonly Finding[], text: string, file: string): PositionedFinding[] {
  const source = parseYamlSource(text, file);
  const placed = findings.map((finding): PositionedFinding => {
    const { line, column, length } = source.ok ? source.locate(finding.path) : { line: 1, column: 1, length: 1 };
    return { file, line, column, length, path: finding.path, message: finding.message, severity: finding.severity, rule: finding.rule, fix: finding.fix };
  });
  return sortDiagnostics(placed) as PositionedFinding[];
}

/**
 * Formats findings compiler-style: `FILE:LINE:COL: error: PATH: message [rule]`, the source line
 * with a caret, then the suggested fix; and a closing count. Pure.
 */
export function formatFindings(findings: readonly PositionedFinding[], text: string): string {
  const blocks = findings.map((finding) => `${formatDiagnostic({ ...finding, message: `${finding.message} [${finding.rule}]` }, text)}\n  fix: ${finding.fix}`);
  return blocks.length === 0 ? '' : `${blocks.join('\n')}\n`;
}
