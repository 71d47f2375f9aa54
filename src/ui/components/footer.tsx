import { keymap } from '../keymap.js';
import type { Segment } from '../view-model.js';
import { Line } from './line.js';

/** The footer's items, from the keymap: `key word` for every binding with a hint. */
export function footerItems(): { readonly keys: string; readonly hint: string }[] {
  return keymap.filter((binding) => binding.hint !== undefined).map((binding) => ({ keys: binding.footerLabel ?? binding.label, hint: binding.hint! }));
}

/**
 * Fits the footer to `width`: items drop from the middle of the list, never `? help` and `q quit`,
 * so the way to the full list (and out) is always on screen.
 */
export function footerSegments(width: number): Segment[] {
  const items = footerItems();
  const keep = new Set(['help', 'quit']);
  const length = () => items.reduce((sum, item) => sum + item.keys.length + item.hint.length + 3, 0);
  while (length() > width) {
    const drop = items.findLastIndex((item) => !keep.has(item.hint));
    if (drop === -1) break;
    items.splice(drop, 1);
  }
  return items.flatMap((item) => [{ text: item.keys, bold: true, tone: 'accent' as const }, { text: ` ${item.hint}  ` }]);
}

/** The key hints line, drawn from the same table as the help. */
export function Footer({ width }: { readonly width: number }) {
  return <Line segments={footerSegments(width)} width={width} />;
}
