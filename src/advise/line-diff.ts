/** One line of a line diff: kept, removed from the old text, or added in the new. */
export type LineOp = { readonly kind: 'same' | 'del' | 'add'; readonly line: string; readonly oldIndex: number; readonly newIndex: number };

/** The line diff of two texts split into lines, by longest common subsequence. Pure. */
export function diffLines(before: readonly string[], after: readonly string[]): LineOp[] {
  const n = before.length;
  const m = after.length;
  // Common prefix and suffix first: edits are small, so the table stays small.
  let start = 0;
  while (start < n && start < m && before[start] === after[start]) start++;
  let endB = n;
  let endA = m;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const rows = endB - start;
  const cols = endA - start;
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[i]![j] = before[start + i] === after[start + j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const ops: LineOp[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: 'same', line: before[k]!, oldIndex: k, newIndex: k });
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols && before[start + i] === after[start + j]) {
      ops.push({ kind: 'same', line: before[start + i]!, oldIndex: start + i, newIndex: start + j });
      i++;
      j++;
    } else if (i < rows && (j >= cols || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      ops.push({ kind: 'del', line: before[start + i]!, oldIndex: start + i, newIndex: start + j });
      i++;
    } else {
      ops.push({ kind: 'add', line: after[start + j]!, oldIndex: start + i, newIndex: start + j });
      j++;
    }
  }
  for (let k = 0; k < n - endB; k++) ops.push({ kind: 'same', line: before[endB + k]!, oldIndex: endB + k, newIndex: endA + k });
  return ops;
}

/** A unified diff (`@@ -a,b +c,d @@` hunks) of two texts, with `context` lines around changes. */
export function unifiedDiff(before: string, after: string, file: string, context = 2): string {
  const ops = diffLines(before.split('\n'), after.split('\n'));
  const changed = ops.map((op, index) => (op.kind === 'same' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const from = Math.max(0, index - context);
    const to = Math.min(ops.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const lines = [`--- ${file}`, `+++ ${file} (changed)`];
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((op) => op.kind !== 'add').length;
    const newCount = slice.filter((op) => op.kind !== 'del').length;
    lines.push(`@@ -${slice[0]!.oldIndex + 1},${oldCount} +${slice[0]!.newIndex + 1},${newCount} @@`);
    for (const op of slice) lines.push(`${op.kind === 'same' ? ' ' : op.kind === 'del' ? '-' : '+'}${op.line}`);
  }
  return `${lines.join('\n')}\n`;
}
