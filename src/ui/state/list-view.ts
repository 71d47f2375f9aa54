/**
 * The message list as the reducer sees it: positions 0..length-1, each holding a submission
 * sequence number, ascending. The controller implements it over all messages or a filtered index.
 */
export interface ListView {
  readonly length: number;
  /** The sequence number at a position (0 ≤ position < length). */
  seqAt(position: number): number;
  /** The position of `seq`, or of the first later one when it is not in the view (may be `length`). */
  positionOf(seq: number): number;
}

/** A view of the first `length` sequence numbers: the unfiltered list. */
export function identityView(length: number): ListView {
  return { length, seqAt: (position) => position, positionOf: (seq) => Math.max(0, Math.min(seq, length)) };
}

/** A view over a sorted array of sequence numbers. */
export function sortedView(seqs: readonly number[]): ListView {
  return { length: seqs.length, seqAt: (position) => seqs[position]!, positionOf: (seq) => lowerBound(seqs, seq) };
}

/** Index of the first element ≥ `value` in an ascending array. */
export function lowerBound(values: ArrayLike<number>, value: number, length = values.length): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The selected row: what the state asks for, resolved against what the view holds now. */
export interface ResolvedSelection {
  readonly seq: number;
  readonly position: number;
}

/**
 * Resolves the selection: the newest row when following, else the selected message, or the next
 * one shown when the filter hides it (the state keeps the original, so clearing the filter goes
 * back to it).
 */
export function resolveSelection(selectedSeq: number | null, follow: boolean, view: ListView): ResolvedSelection | null {
  if (view.length === 0) return null;
  if (follow || selectedSeq === null) return { seq: view.seqAt(view.length - 1), position: view.length - 1 };
  const position = Math.min(view.positionOf(selectedSeq), view.length - 1);
  return { seq: view.seqAt(position), position };
}
