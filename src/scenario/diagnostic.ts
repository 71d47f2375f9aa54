/**
 * The shape of one problem found in a scenario file, and the small helpers
 * every producer and consumer of problems shares.
 *
 * @module
 */

/** How bad a problem is: an error makes the scenario unusable, a warning does not. */
export type Severity = 'error' | 'warning';

/** One step of a path into a scenario document: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * One positioned problem in a scenario file.
 *
 * `line` and `column` are 1-based and count UTF-16 code units, as editors
 * and the `yaml` package do.
 */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Where in the document the problem is, e.g. `['links', 1, 'address']`. */
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly severity: Severity;
  /** How many characters of the source line the culprit spans; one when absent. */
  readonly length?: number;
}

/**
 * Returns the diagnostics ordered by line, then column, then message, so the
 * report reads top to bottom like the file. Does not modify its argument.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

// Hyphens are allowed because scenario keys such as `round-robin` read
// naturally in dotted form; anything else (addresses, domains) is quoted.
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Renders a document path the way a user would point at it:
 * `links[1].address`, `firewall.policy_routes[0].via`,
 * `dns["203.0.113.10"]`, or `(root)` for the whole document.
 */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (BARE_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Converts a path as zod or other code reports it (symbols included) into plain segments. */
export function toPathSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) =>
    typeof segment === 'number' || typeof segment === 'string' ? segment : String(segment),
  );
}
