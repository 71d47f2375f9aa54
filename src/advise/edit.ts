import { isSeq, parseDocument, visit, YAMLSeq } from 'yaml';
import { diffLines } from './line-diff.js';

type Path = readonly (string | number)[];

/** One change to a scenario document, in the YAML's own (input) form. */
export type Edit =
  | { readonly op: 'set'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: Path }
  /** Inserts into the list at `path` (creating it when missing) at `index`. */
  | { readonly op: 'insert'; readonly path: Path; readonly index: number; readonly value: unknown };

const stringify = { lineWidth: 0 } as const;

/**
 * Applies edits to scenario text through the `yaml` Document API, so comments survive. Lines the
 * edits do not touch are kept exactly as written (the library would re-space `[X1]` as
 * `[ X1 ]`); changed lines come out in flow style, as the story scenarios are written.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const doc = parseDocument(text);
  const untouched = doc.toString(stringify);
  for (const edit of edits) {
    if (edit.op === 'delete') {
      doc.deleteIn(edit.path);
      continue;
    }
    const node = doc.createNode(edit.value, { flow: true });
    // Text with spaces reads better quoted, as the scenarios write SPF records and replies.
    visit(node, { Scalar: (_, scalar) => void (typeof scalar.value === 'string' && scalar.value.includes(' ') ? (scalar.type = 'QUOTE_DOUBLE') : undefined) });
    if (edit.op === 'set') {
      doc.setIn(edit.path, node);
      continue;
    }
    const list = doc.getIn(edit.path, true);
    if (isSeq(list)) list.items.splice(Math.min(edit.index, list.items.length), 0, node);
    else {
      const created = new YAMLSeq();
      created.items.push(node);
      doc.setIn(edit.path, created);
    }
  }
  return keepUntouchedLines(text, untouched, doc.toString(stringify));
}

/** Takes the changed lines from `edited` and every other line from `original`. */
function keepUntouchedLines(original: string, untouched: string, edited: string): string {
  const originalLines = original.split('\n');
  const untouchedLines = untouched.split('\n');
  if (originalLines.length !== untouchedLines.length) return edited;
  const out: string[] = [];
  for (const op of diffLines(untouchedLines, edited.split('\n'))) {
    if (op.kind === 'same') out.push(originalLines[op.oldIndex]!);
    else if (op.kind === 'add') out.push(op.line);
  }
  return out.join('\n');
}
