/**
 * Reads scenario text as YAML while keeping source positions, so later
 * stages can point at the exact key or value a problem is about.
 *
 * @module
 */

import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { toPathSegments, type Diagnostic, type PathSegment } from './diagnostic.js';

/** Which side of a `key: value` pair a location should point at. */
export type LocatePart = 'key' | 'value';

/** A place in the source text; `found` is false when the exact path does not exist. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
  readonly length: number;
  /** False when the path is missing and this is its deepest existing ancestor. */
  readonly found: boolean;
}

/** Finds the source position of the node at a document path. */
export type Locator = (path: readonly PropertyKey[], part?: LocatePart) => SourceLocation;

/** The outcome of {@link parseYamlSource}. */
export type YamlSourceResult =
  | { readonly ok: true; readonly value: unknown; readonly locate: Locator }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** A parsed document with what is needed to turn offsets into positions. */
export interface PositionedDocument {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly text: string;
}

type Range = readonly [number, number, number?];

function rangeOf(node: unknown): Range | undefined {
  const range = (node as { range?: Range | null } | null | undefined)?.range;
  return range ?? undefined;
}

/** Converts a source offset span into a 1-based position, clipped to one line. */
export function spanToLocation(
  source: PositionedDocument,
  start: number,
  end: number,
  found: boolean,
): SourceLocation {
  const { line, col } = source.lineCounter.linePos(start);
  const lineEnd = source.text.indexOf('\n', start);
  const limit = lineEnd === -1 ? source.text.length : lineEnd;
  return { line, column: col, length: Math.max(Math.min(end, limit) - start, 1), found };
}

/**
 * Where a node is shown. A block collection that is the value of a pair is
 * shown at its key (`firewall:`), since its own first character is some
 * nested line; an empty value is shown at its key because it has no text.
 */
function nodeLocation(
  source: PositionedDocument,
  node: unknown,
  key: unknown,
  found: boolean,
): SourceLocation {
  const keyRange = rangeOf(key);
  const range = rangeOf(node);
  const block = (isMap(node) || isSeq(node)) && !node.flow;
  const empty = isScalar(node) && node.value === null && range !== undefined && range[0] === range[1];
  if (keyRange && (range === undefined || block || empty)) {
    return spanToLocation(source, keyRange[0], keyRange[1], found);
  }
  if (isMap(node) && block) {
    const firstKey = rangeOf(node.items[0]?.key);
    if (firstKey) return spanToLocation(source, firstKey[0], firstKey[1], found);
  }
  if (range === undefined) return { line: 1, column: 1, length: 1, found };
  return spanToLocation(source, range[0], block ? range[0] + 1 : range[1], found);
}

/** The text of a scalar key as it appears in the parsed value's object keys. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/**
 * Finds the node at `path` (mapping keys and sequence indexes, following
 * aliases) and returns its position. For a missing path, returns the
 * position of the deepest existing ancestor with `found: false`.
 */
export function locateNode(
  source: PositionedDocument,
  path: readonly PropertyKey[],
  part: LocatePart = 'value',
): SourceLocation {
  let node: unknown = source.doc.contents;
  let key: unknown = undefined;
  for (const segment of toPathSegments(path)) {
    const container = isAlias(node) ? node.resolve(source.doc) : node;
    let next: { node: unknown; key: unknown } | undefined;
    if (isMap(container)) {
      const pair = container.items.find((p) => keyText(p.key) === String(segment));
      if (pair) next = { node: pair.value, key: pair.key };
    } else if (isSeq(container) && typeof segment === 'number' && segment < container.items.length) {
      next = { node: container.items[segment], key: undefined };
    }
    if (!next) return nodeLocation(source, node, key, false);
    ({ node, key } = next);
  }
  if (part === 'key' && key !== undefined) {
    const keyRange = rangeOf(key);
    if (keyRange) return spanToLocation(source, keyRange[0], keyRange[1], true);
  }
  return nodeLocation(source, node, key, true);
}

const TOO_MANY_ALIASES = 'too many alias expansions; write the values out instead';
const TOO_DEEP = 'the file is nested too deeply to read; flatten the innermost lists and mappings';

// The yaml package's wording names grammar productions; these say what to change.
function advice(error: YAMLError): string {
  const raw = error.message.split('\n')[0] ?? '';
  const text = raw.charAt(0).toLowerCase() + raw.slice(1);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'BAD_INDENT': {
      const flow = /^Flow (map|sequence)/.exec(raw);
      if (flow) {
        const [open, close] = flow[1] === 'map' ? ['{', '}'] : ['[', ']'];
        return `this "${open}" is never closed; add "${close}" (or, if it goes on over several lines, indent them further)`;
      }
      return `bad indentation: ${text}`;
    }
    case 'MISSING_CHAR':
      if (/quote/.test(raw)) return 'a quoted value is never closed; add the closing quote';
      if (/followed by map values/.test(raw)) return 'a key needs a value: write "key: value" with a space after the colon';
      return `${text.replace(/flow map/g, '{ … }').replace(/flow sequence/g, '[ … ]')}`;
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line; look above for a missing ":", quote or bracket';
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/sequence/.test(raw)) return 'a "- " list item is out of line with what is above it; indent it like its neighbours';
      return 'a "key: value" cannot follow another key on the same line; move the inner mapping to its own indented lines, or quote the value';
    case 'UNEXPECTED_TOKEN': {
      const token = /: "(.*)"$/.exec(raw)?.[1];
      const what = token === undefined ? text : `unexpected "${token}"`;
      return `${what}; check the brackets, quotes and indentation around it`;
    }
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document; a scenario is one document, so remove the "---" (or "...") line and what follows';
    case 'BAD_SCALAR_START':
      return `${text}; put the value in quotes`;
    case 'BAD_DQ_ESCAPE':
      return `${text}; use single quotes, or write \\\\ for a backslash`;
    case 'TAG_RESOLVE_FAILED':
      return `${text}; scenario files use no "!" tags, so remove it`;
    case 'BLOCK_IN_FLOW':
      return `${text}; inside { } and [ ] separate items with commas`;
    case 'RESOURCE_EXHAUSTION':
      return /alias/i.test(raw) ? TOO_MANY_ALIASES : TOO_DEEP;
    default:
      return text;
  }
}

/** A `{ … }` or `[ … ]` in the source: where it opens and where the parser stopped reading it. */
interface FlowSpan {
  readonly kind: 'map' | 'sequence';
  readonly start: number;
  readonly end: number;
}

interface KeyInfo {
  readonly path: PathSegment[];
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Walks the document once (without following aliases, so it always ends),
 * indexing keys and flow collections by offset, and listing what the parser
 * lets through but value conversion would choke on: unknown or circular
 * aliases and keys that are themselves collections.
 */
function inspect(source: PositionedDocument) {
  const problems: { start: number; end: number; path: PathSegment[]; message: string }[] = [];
  const problem = (start: number, end: number, path: PathSegment[], message: string) => problems.push({ start, end, path, message });
  const keys = new Map<number, KeyInfo>();
  const firstByPath = new Map<string, number>();
  const flows: FlowSpan[] = [];
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: source.doc.contents, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path } = item;
    const range = rangeOf(node);
    if ((isMap(node) || isSeq(node)) && node.flow && range) {
      flows.push({ kind: isMap(node) ? 'map' : 'sequence', start: range[0], end: range[1] });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyRange = rangeOf(pair.key);
        const name = keyText(pair.key);
        if (name === undefined) {
          if (keyRange) problem(keyRange[0], keyRange[0] + 1, path, 'a key must be a plain name, not a list or mapping');
          continue;
        }
        if (keyRange) {
          keys.set(keyRange[0], { path: [...path, name], name, start: keyRange[0], end: keyRange[1] });
          const id = JSON.stringify([...path, name]);
          if (!firstByPath.has(id)) firstByPath.set(id, keyRange[0]);
        }
        stack.push({ node: pair.value, path: [...path, name] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((child, index) => stack.push({ node: child, path: [...path, index] }));
    } else if (isAlias(node)) {
      const aliasRange = range ?? [0, 1];
      const target = node.resolve(source.doc);
      const targetRange = rangeOf(target);
      if (!target) {
        problem(aliasRange[0], aliasRange[1], path, `unknown alias "*${node.source}"; define the anchor "&${node.source}" before using it`);
      } else if (targetRange && targetRange[0] <= aliasRange[0] && aliasRange[0] < (targetRange[2] ?? targetRange[1])) {
        problem(aliasRange[0], aliasRange[1], path, `alias "*${node.source}" is inside the value it refers to; a scenario cannot be circular`);
      }
    }
  }
  return { keys, firstByPath, flows, problems };
}

function toDiagnostic(source: PositionedDocument, file: string, start: number, end: number, path: PathSegment[], message: string): Diagnostic {
  const { line, column, length } = spanToLocation(source, start, end, true);
  return { file, line, column, length, path, message, severity: 'error' };
}

/**
 * Parses scenario text. Returns the plain value and a {@link Locator} for
 * it, or every YAML problem found (syntax errors, duplicate keys, bad
 * aliases, an empty file) as diagnostics. Never throws for any input text.
 */
export function parseYamlSource(text: string, file: string): YamlSourceResult {
  const at = (line: number, column: number, message: string): YamlSourceResult => ({
    ok: false,
    diagnostics: [{ file, line, column, length: 1, path: [], message, severity: 'error' }],
  });
  let source: PositionedDocument;
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    source = { doc, lineCounter, text };
  } catch {
    return at(1, 1, 'the file could not be read as YAML');
  }

  const diagnostics: Diagnostic[] = [];
  const report = (start: number, end: number, path: PathSegment[], message: string) =>
    diagnostics.push(toDiagnostic(source, file, start, end, path, message));
  const { keys, firstByPath, flows, problems } = inspect(source);

  // One syntax error tends to trigger several more on the same line; the
  // first one is the useful one. Duplicate keys are each real, so keep them all.
  const linesWithSyntaxErrors = new Set<number>();
  for (const error of [...source.doc.errors, ...source.doc.warnings]) {
    const [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') {
      const key = keys.get(start);
      const first = key && firstByPath.get(JSON.stringify(key.path));
      const firstLine = first === undefined ? undefined : source.lineCounter.linePos(first).line;
      const name = key?.name ?? text.slice(start, end);
      const also = firstLine === undefined ? '' : ` (first written on line ${firstLine})`;
      const message = `duplicate key "${name}"${also}; each key may appear once in a mapping — remove or rename one`;
      report(start, key?.end ?? end, key?.path ?? [], message);
      continue;
    }
    // The parser notices an unclosed bracket only where the next line starts;
    // the bracket that needs fixing is the opener of the collection cut off there.
    const kind = /^Flow (map|sequence)/.exec(error.message)?.[1];
    const opener = flows.filter((f) => f.kind === kind && f.end === start).sort((a, b) => b.start - a.start)[0];
    const [from, to] = opener ? [opener.start, opener.start + 1] : [start, end];
    const { line } = source.lineCounter.linePos(from);
    if (linesWithSyntaxErrors.has(line)) continue;
    linesWithSyntaxErrors.add(line);
    report(from, to, [], advice(error));
  }
  // What the walk finds on a line the parser already choked on is fallout.
  for (const p of problems) {
    if (!linesWithSyntaxErrors.has(source.lineCounter.linePos(p.start).line)) report(p.start, p.end, p.path, p.message);
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  if (source.doc.contents === null) {
    return at(1, 1, 'the scenario is empty; it should be a mapping such as "name: my scenario"');
  }
  let value: unknown;
  try {
    value = source.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Only alias expansion beyond the limit, or nesting deep enough to
    // exhaust the stack, gets here; the checks above catch the rest.
    return at(1, 1, error instanceof Error && /alias/i.test(error.message) ? TOO_MANY_ALIASES : TOO_DEEP);
  }
  return { ok: true, value, locate: (path, part) => locateNode(source, path, part) };
}
