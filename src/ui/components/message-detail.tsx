import { Box } from 'ink';
import type { DetailView } from '../view-model.js';
import { Line } from './line.js';
import { PaneTitle } from './pane-title.js';

/** The selected message's trace, attempt by attempt; j/k scroll it when the pane has focus. */
export function MessageDetail({ detail, width, height, focused }: { readonly detail: DetailView; readonly width: number; readonly height: number; readonly focused: boolean }) {
  const last = detail.first + detail.lines.length;
  const info = detail.total > detail.lines.length ? `lines ${detail.first + 1}-${last} of ${detail.total}${focused ? '' : ' · Tab here to scroll'}` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title={detail.title} info={info} width={width} focused={focused} />
      {detail.lines.map((line, i) => (
        <Line key={detail.first + i} segments={line} width={width} />
      ))}
    </Box>
  );
}
