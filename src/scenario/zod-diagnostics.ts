/**
 * Turns zod validation issues into positioned, plain-language diagnostics:
 * each one says what is wrong and what to write instead, at the key or
 * value it is about. Generic over any zod 4 schema.
 *
 * @module
 */

import { z } from 'zod';
import { toPathSegments, type Diagnostic, type PathSegment } from './diagnostic.js';
import { knownKeysAt } from './schema-walk.js';
import type { LocatePart, Locator } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** Edit distance counting an adjacent swap as one edit ("nmae" → "name"). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}

/**
 * The candidate the user most likely meant, or undefined when none is close:
 * case-insensitive distance at most 2 or at most a third of the longer word,
 * and always fewer edits than the shorter word has letters (so "x" never
 * "means" "a"). Ties go to the earlier candidate.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const limit = Math.max(2, Math.ceil(Math.max(lower.length, other.length) / 3));
    // The length gap bounds the distance from below; skip hopeless pairs cheaply.
    if (Math.abs(lower.length - other.length) > limit) continue;
    const distance = editDistance(lower, other);
    if (distance > limit || distance >= Math.min(lower.length, other.length)) continue;
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  map: 'a mapping (key: value)',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  null: 'an empty value',
  date: 'a date',
};

const RECEIVED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'an empty value',
  array: 'a list',
  object: 'a mapping',
  undefined: 'nothing',
};

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…"` : text;
}

/** Describes what the user wrote, from the issue's input when zod reported it. */
function describeInput(issue: Issue): string | undefined {
  if (!('input' in issue)) return RECEIVED[/received (\w+)/.exec(issue.message)?.[1] ?? ''];
  const input: unknown = issue.input;
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return input.length === 0 ? 'an empty list' : 'a list';
  if (typeof input === 'string') return `the string ${quote(input)}`;
  if (typeof input === 'number' || typeof input === 'bigint') return `the number ${String(input)}`;
  if (typeof input === 'boolean') return String(input);
  if (typeof input === 'object') return 'a mapping';
  return input === undefined ? 'nothing' : typeof input;
}

function withGot(issue: Issue): string {
  const got = describeInput(issue);
  return got === undefined ? '' : `, got ${got}`;
}

// How to write the expected kind of value, for the mistakes YAML makes easy.
function typeHint(expected: string, input: unknown): string {
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return '; write it in quotes';
  if ((expected === 'number' || expected === 'int') && typeof input === 'string') return '; write a plain number, without quotes or units';
  if (expected === 'boolean') return '; write true or false';
  if (expected === 'array') return '; write items as "- item" lines or [a, b]';
  if (expected === 'object' || expected === 'record') return '; write "key: value" lines indented below, or { key: value }';
  return '';
}

const en = z.locales.en().localeError;

/** True when the message is zod's stock wording rather than the schema author's. */
function isStockMessage(issue: Issue): boolean {
  if (issue.code === 'invalid_type' && /^Invalid input: expected \S+, received \S+$/.test(issue.message)) return true;
  for (const map of [en, z.core.config().localeError]) {
    try {
      const stock = map?.(issue as never);
      const text = typeof stock === 'string' ? stock : stock?.message;
      if (text === issue.message) return true;
    } catch {
      // A locale that cannot phrase this issue shape simply does not match.
    }
  }
  return issue.message === 'Invalid input';
}

function plural(count: number | bigint, noun: string): string {
  return `${String(count)} ${noun}${Number(count) === 1 ? '' : 's'}`;
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const bound = small ? issue.minimum : issue.maximum;
  const input: unknown = 'input' in issue ? issue.input : undefined;
  const bounds = issue.exact ? 'exactly' : issue.inclusive ? (small ? 'at least' : 'at most') : small ? 'more than' : 'fewer than';
  if (issue.origin === 'array' || issue.origin === 'set') {
    const got = Array.isArray(input) ? (input.length === 0 ? '; the list is empty' : `, got ${input.length}`) : '';
    return `needs ${bounds} ${plural(bound, 'item')}${got}`;
  }
  if (issue.origin === 'string') {
    if (small && Number(bound) === 1 && issue.inclusive) return 'must not be empty';
    return `must be ${bounds} ${plural(bound, 'character')} long`;
  }
  const relation = issue.exact ? 'exactly' : issue.inclusive ? (small ? 'at least' : 'at most') : small ? 'greater than' : 'less than';
  const got = typeof input === 'number' || typeof input === 'bigint' ? `, got ${String(input)}` : '';
  return `must be ${relation} ${String(bound)}${got}`;
}

const FORMATS: Record<string, string> = {
  ipv4: 'an IPv4 address like 203.0.113.10',
  ipv6: 'an IPv6 address like 2001:db8::1',
  cidrv4: 'an IPv4 network like 203.0.113.0/24',
  cidrv6: 'an IPv6 network like 2001:db8::/32',
  email: 'an email address',
  url: 'a URL',
  datetime: 'a date and time like 2008-02-07T08:30:00+11:00',
  date: 'a date like 2008-02-07',
  time: 'a time like 08:30:00',
  hostname: 'a host name',
};

function formatMessage(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  const got = 'input' in issue ? `, got ${quote(issue.input)}` : '';
  const extra = issue as { prefix?: string; suffix?: string; includes?: string };
  if (issue.format === 'starts_with') return `must start with ${quote(extra.prefix)}${got}`;
  if (issue.format === 'ends_with') return `must end with ${quote(extra.suffix)}${got}`;
  if (issue.format === 'includes') return `must contain ${quote(extra.includes)}${got}`;
  if (issue.format === 'regex') return `does not have the expected form (${issue.pattern ?? 'a pattern'})${got}`;
  return `expected ${FORMATS[issue.format] ?? `a valid ${issue.format}`}${got}`;
}

/** `expected one of: a, b; got "x"; did you mean "y"?` for a closed set of values. */
function choiceMessage(values: readonly unknown[], input: unknown, hasInput: boolean): string {
  const listed = values.map((v) => (typeof v === 'string' ? v : String(v)));
  const expected = values.length === 1 ? `expected ${quote(values[0])}` : `expected one of: ${listed.join(', ')}`;
  if (!hasInput) return expected;
  const suggestion = typeof input === 'string' ? closestMatch(input, listed.filter((v) => v !== input)) : undefined;
  return `${expected}; got ${input === undefined ? 'nothing' : quote(input)}${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`;
}

interface Problem {
  readonly path: PathSegment[];
  readonly at: readonly PropertyKey[];
  readonly part: LocatePart;
  readonly message: string;
  /** For a missing required key: its name. */
  readonly missing?: string;
  /** For an unknown key: the known key suggested instead. */
  readonly suggested?: string;
}

interface Context {
  readonly schema: z.core.$ZodType;
  readonly locate: Locator;
}

/** How well a union branch fits the data: deeper issues mean more of it matched. */
function branchFit(issues: readonly Issue[]): { depth: number; count: number } {
  let depth = 0;
  let count = 0;
  for (const issue of issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.length : 0;
    depth = Math.max(depth, issue.path.length + (keys > 0 ? 1 : 0));
    count += Math.max(keys, 1);
  }
  return { depth, count };
}

function unionProblems(issue: Extract<Issue, { code: 'invalid_union' }>, path: PathSegment[], ctx: Context): Problem[] {
  const here = (message: string): Problem[] => [{ path, at: path, part: 'value', message }];
  if (!isStockMessage(issue)) return here(issue.message);
  if (issue.inclusive === false) return here('matches more than one allowed form; remove what makes it ambiguous');
  if (issue.discriminator !== undefined && issue.options) {
    const key = issue.discriminator;
    // zod puts the discriminator on the path; tolerate versions that do not.
    const parent = path.at(-1) === key ? path.slice(0, -1) : path;
    const keyPath = [...parent, key];
    const data = 'input' in issue && typeof issue.input === 'object' && issue.input !== null ? (issue.input as Record<string, unknown>) : undefined;
    if (!ctx.locate(keyPath).found) {
      return [{ path: parent, at: parent, part: 'value', message: `missing required key "${key}" (one of: ${issue.options.map(String).join(', ')})`, missing: key }];
    }
    return [{ path: keyPath, at: keyPath, part: 'value', message: choiceMessage(issue.options, data?.[key], data !== undefined) }];
  }
  const branches = issue.errors.filter((branch) => branch.length > 0);
  if (branches.length === 0) return here('does not match any allowed form');
  const rootTypes = branches.map((b) => (b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0 ? b[0] : undefined));
  if (rootTypes.every((t) => t !== undefined)) {
    const kinds = [...new Set(rootTypes.map((t) => EXPECTED[t?.expected ?? ''] ?? `a ${t?.expected ?? 'value'}`))];
    const got = 'input' in issue ? withGot(issue) : rootTypes[0] ? withGot(rootTypes[0]) : '';
    return here(`expected ${kinds.slice(0, -1).join(', ')}${kinds.length > 1 ? ' or ' : ''}${kinds.at(-1) ?? 'a value'}${got}`);
  }
  let best = branches[0] ?? [];
  for (const branch of branches) {
    const fit = branchFit(branch);
    const bestFit = branchFit(best);
    if (fit.depth > bestFit.depth || (fit.depth === bestFit.depth && fit.count < bestFit.count)) best = branch;
  }
  return best.flatMap((nested) => issueProblems(nested, path, ctx));
}

function issueProblems(issue: Issue, prefix: readonly PathSegment[], ctx: Context): Problem[] {
  const path = [...prefix, ...toPathSegments(issue.path)];
  const here = (message: string): Problem[] => [{ path, at: path, part: 'value', message }];
  const custom = !isStockMessage(issue);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const data = 'input' in issue ? issue.input : undefined;
      const known = knownKeysAt(ctx.schema, path, data);
      const present = new Set(typeof data === 'object' && data !== null ? Object.keys(data) : []);
      return issue.keys.map((key) => {
        const suggestion = closestMatch(key, known.filter((k) => !present.has(k)));
        const message =
          suggestion !== undefined
            ? `unknown key "${key}"; did you mean "${suggestion}"?`
            : known.length > 0
              ? `unknown key "${key}"; expected one of: ${known.join(', ')}`
              : `unknown key "${key}" is not allowed here`;
        return { path, at: [...path, key], part: 'key' as const, message, suggested: suggestion };
      });
    }
    case 'invalid_type': {
      const last = path.at(-1);
      if (path.length > 0 && !ctx.locate(path).found) {
        const parent = path.slice(0, -1);
        const what = typeof last === 'number' ? `item ${last}` : `key "${String(last)}"`;
        return [{ path: parent, at: parent, part: 'value', message: `missing required ${what}`, missing: String(last) }];
      }
      if (custom) return here(issue.message);
      if (issue.expected === 'never') return here('is not allowed here; remove it');
      const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
      return here(`expected ${expected}${withGot(issue)}${typeHint(issue.expected, 'input' in issue ? issue.input : undefined)}`);
    }
    case 'invalid_union':
      return unionProblems(issue, path, ctx);
    case 'invalid_value':
      return here(custom ? issue.message : choiceMessage(issue.values, issue.input, 'input' in issue));
    case 'too_small':
    case 'too_big':
      return here(custom ? issue.message : sizeMessage(issue));
    case 'invalid_format':
      return here(custom ? issue.message : formatMessage(issue));
    case 'not_multiple_of':
      return here(custom ? issue.message : `must be a multiple of ${issue.divisor}`);
    case 'invalid_key': {
      const reasons = issue.issues.flatMap((nested) => issueProblems(nested, [], ctx)).map((p) => p.message);
      const key = String(path.at(-1) ?? '');
      const message = custom ? issue.message : `key "${key}" is not valid: ${reasons.join('; ') || 'not an allowed key'}`;
      return [{ path: path.slice(0, -1), at: path, part: 'key', message }];
    }
    case 'invalid_element':
      return here(custom ? issue.message : 'contains an entry that is not valid');
    default:
      return here(custom ? issue.message : 'is not valid here');
  }
}

/**
 * Converts zod issues into diagnostics positioned with `locate`. Each issue
 * gives one diagnostic, except that an unknown-keys issue gives one per key,
 * a failed union gives those of its best-fitting alternative, and a missing
 * key is not reported when an unknown key nearby is taken for its misspelling.
 */
export function zodIssuesToDiagnostics(
  issues: readonly Issue[],
  schema: z.core.$ZodType,
  locate: Locator,
  file: string,
): Diagnostic[] {
  const ctx: Context = { schema, locate };
  const problems = issues.flatMap((issue) => issueProblems(issue, [], ctx));
  // A misspelt key shows up twice, as unknown and as missing; the
  // "did you mean" already says both, so the missing-key report goes.
  const misspelt = new Set(
    problems.flatMap((p) => (p.suggested === undefined ? [] : [JSON.stringify([...p.path, p.suggested])])),
  );
  return problems
    .filter((p) => p.missing === undefined || !misspelt.has(JSON.stringify([...p.path, p.missing])))
    .map((problem): Diagnostic => {
      const { line, column, length } = locate(problem.at, problem.part);
      return { file, line, column, length, path: problem.path, message: problem.message, severity: 'error' };
    });
}
