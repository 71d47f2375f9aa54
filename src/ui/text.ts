/** Cuts `text` to `width` columns, marking the cut with `…`. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

/** Cuts or pads `text` to exactly `width` columns. */
export function fit(text: string, width: number): string {
  return truncate(text, width).padEnd(Math.max(0, width));
}

/** A table cell: `text` cut to leave one column of space after it, then padded to `width`. */
export function cell(text: string, width: number): string {
  return `${truncate(text, width - 1)} `.padEnd(Math.max(0, width));
}

/** Right-aligns `text` in `width` columns (cutting if it must). */
export function fitRight(text: string, width: number): string {
  return truncate(text, width).padStart(Math.max(0, width));
}

/** `1,443`: thousands separated, the same on every machine. */
export function count(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
