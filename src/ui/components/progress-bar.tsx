import type { Segment } from '../view-model.js';
import { Line } from './line.js';

/** The characters of a bar `width` cells wide, `fraction` full (0..1). */
export function progressCells(fraction: number, width: number): { readonly done: string; readonly rest: string } {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return { done: '█'.repeat(filled), rest: '░'.repeat(Math.max(0, width - filled)) };
}

/** How wide the bar's labels are, so callers can size the bar itself. */
export function progressLabelWidth(from: string, to: string): number {
  return from.length + to.length + 7;
}

/**
 * Progress over the scenario window, `08:30 ████░░░░ 12:30  42%`. Filled and empty cells differ
 * in shape, not only in colour.
 */
export function ProgressBar({ fraction, from, to, barWidth }: { readonly fraction: number; readonly from: string; readonly to: string; readonly barWidth: number }) {
  const { done, rest } = progressCells(fraction, barWidth);
  const percent = `${Math.floor(Math.max(0, Math.min(1, fraction)) * 100)}%`.padStart(5);
  const segments: Segment[] = [{ text: `${from} ` }, { text: done, tone: 'accent' }, { text: rest, tone: 'muted' }, { text: ` ${to}${percent}` }];
  return <Line segments={segments} width={progressLabelWidth(from, to) + barWidth} />;
}
