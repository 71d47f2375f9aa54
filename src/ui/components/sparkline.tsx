import { Text } from 'ink';
import { future } from '../controller/series.js';
import type { Tone } from '../view-model.js';
import { useTheme } from '../theme.js';

const levels = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * One character per value: blank for zero and for time not reached yet, then eight heights
 * scaled to `max`. Any non-zero value shows at least the lowest bar, so a single failure is seen.
 */
export function sparkline(values: readonly number[], max: number): string {
  let out = '';
  for (const value of values) {
    if (value === future || value <= 0 || max <= 0) out += ' ';
    else out += levels[Math.min(7, Math.max(0, Math.ceil((value / max) * 8) - 1))]!;
  }
  return out;
}

/** A sparkline in one accent. */
export function Sparkline({ values, max, tone }: { readonly values: readonly number[]; readonly max: number; readonly tone?: Tone }) {
  const theme = useTheme();
  return <Text color={theme.color(tone)}>{sparkline(values, max)}</Text>;
}
