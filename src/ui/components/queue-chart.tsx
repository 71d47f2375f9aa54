import { Text } from 'ink';
import { future } from '../controller/series.js';
import { useTheme } from '../theme.js';

const levels = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * A bar chart `height` rows tall, one column per value, in eighths of a row: the shape of a queue
 * over the window. Rows come top first. Any non-empty queue shows at least one eighth.
 */
export function chartRows(values: readonly number[], max: number, height: number): string[] {
  const rows: string[] = [];
  for (let row = 0; row < height; row++) {
    const base = (height - 1 - row) * 8;
    let line = '';
    for (const value of values) {
      const eighths = value === future || value <= 0 || max <= 0 ? 0 : Math.max(1, Math.round((value / max) * 8 * height));
      const fill = Math.max(0, Math.min(8, eighths - base));
      line += fill === 0 ? ' ' : levels[fill - 1]!;
    }
    rows.push(line);
  }
  return rows;
}

/** The chart, one Text per row. */
export function QueueChart({ values, max, height }: { readonly values: readonly number[]; readonly max: number; readonly height: number }) {
  const theme = useTheme();
  return (
    <>
      {chartRows(values, max, height).map((line, i) => (
        <Text key={i} color={theme.color('warn')}>
          {line}
        </Text>
      ))}
    </>
  );
}
