import type { Segment } from '../view-model.js';
import { truncate } from '../text.js';
import { Line } from './line.js';

/**
 * A pane's title rule: `── Links ──────── 2 links`. The focused pane is marked by `▶`, a heavy
 * rule and bold as well as colour, so focus shows with NO_COLOR too. Only the title is styled:
 * the fill stays plain, since Ink's cost grows with every styled character. Panes have no side
 * borders: every column goes to the data.
 */
export function PaneTitle({ title, info = '', width, focused = false }: { readonly title: string; readonly info?: string; readonly width: number; readonly focused?: boolean }) {
  const rule = focused ? '━' : '─';
  const head = focused ? `${rule}${rule} ▶ ${title} ` : `${rule}${rule} ${title} `;
  const tail = info === '' ? '' : ` ${truncate(info, Math.max(0, width - head.length - 4))} `;
  const fill = rule.repeat(Math.max(0, width - head.length - tail.length));
  const segments: Segment[] = [{ text: head, bold: true, tone: focused ? 'accent' : undefined }, { text: fill, tone: focused ? 'accent' : undefined }, { text: tail }];
  return <Line segments={segments} width={width} />;
}
