import { Box, Text } from 'ink';
import { truncate } from '../text.js';
import { useTheme } from '../theme.js';
import type { LimiterRow, LimitersView } from '../view-model.js';
import { PaneTitle } from './pane-title.js';

/** `[####......] 12/20`: a gauge in text, so it reads without colour; dropped when `cells` < 3. */
export function limiterGauge(row: LimiterRow, cells = 10): string {
  const counted = `${row.count}/${row.max}`;
  if (cells < 3) return counted;
  const filled = Math.round(Math.min(1, row.max === 0 ? 0 : row.count / row.max) * cells);
  return `[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}] ${counted}`;
}

/** The state words: open, or blocked and until when. */
function stateText(row: LimiterRow): string {
  return row.blockedUntil === null ? 'open' : `✗ BLOCKED until ${row.blockedUntil}`;
}

/** Gauge cells that fit beside the key and the state, at most ten. */
function gaugeCells(row: LimiterRow, width: number, twoLines: boolean): number {
  const prefix = twoLines ? 2 : row.peer.length + 1;
  const fixed = prefix + `${row.count}/${row.max}`.length + 4 + stateText(row).length + row.key.length + 6;
  return Math.max(0, Math.min(10, width - fixed));
}

/**
 * Each rate limiter key at the relays and receivers: count in the window against the maximum,
 * and when blocked, until when. Two lines each when there is room (the limit itself on the first).
 */
export function LimitersPane({ limiters, width, height }: { readonly limiters: LimitersView; readonly width: number; readonly height: number }) {
  const theme = useTheme();
  const twoLines = height - 1 >= limiters.rows.length * 2;
  const info = limiters.rows.length === 0 ? 'no limiter has counted yet' : limiters.hidden > 0 ? `+${limiters.hidden} more` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Relays & receivers" info={info} width={width} />
      {limiters.rows.map((row) => (
        <Box key={`${row.peer} ${row.key}`} flexDirection="column">
          {twoLines && <Text wrap="truncate-end">{truncate(`${row.peer}  ${row.limit}`, width)}</Text>}
          {/* The state first and the key last: a narrow pane cuts the key, not whether it bites. */}
          <Text wrap="truncate-end">
            {twoLines ? '  ' : <Text bold>{`${row.peer} `}</Text>}
            {`${limiterGauge(row, gaugeCells(row, width, twoLines))} `}
            <Text color={theme.color(row.blockedUntil === null ? 'ok' : 'bad')} bold={row.blockedUntil !== null}>
              {stateText(row)}
            </Text>
            {`  key ${row.key}`}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
