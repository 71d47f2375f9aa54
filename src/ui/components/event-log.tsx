import { Box } from 'ink';
import { count } from '../text.js';
import type { LogView } from '../view-model.js';
import { Line } from './line.js';
import { PaneTitle } from './pane-title.js';

/** The event log, newest at the bottom; scrolling back stops it following. */
export function EventLog({ log, width, height, focused }: { readonly log: LogView; readonly width: number; readonly height: number; readonly focused: boolean }) {
  const info = log.following ? `${count(log.total)} events` : `${count(log.total)} events · scrolled back, G follows`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Event log" info={info} width={width} focused={focused} />
      {log.rows.map((row, i) => (
        <Line key={i} segments={[{ text: `${row.time}  `, tone: 'muted' }, { text: row.text, tone: row.tone }]} width={width} />
      ))}
    </Box>
  );
}
