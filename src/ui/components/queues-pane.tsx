import { Box, Text } from 'ink';
import { queueColumns } from '../columns.js';
import { cell, count, fitRight } from '../text.js';
import type { QueuesView } from '../view-model.js';
import { PaneTitle } from './pane-title.js';
import { QueueChart } from './queue-chart.js';

/**
 * Each inside server's queue: depth now, peak and when, and its depth over the window on a scale
 * shared by all queues — where the gateway's queue blowing out shows as a wall.
 */
export function QueuesPane({ queues, width, height, serverWidth }: { readonly queues: QueuesView; readonly width: number; readonly height: number; readonly serverWidth: number }) {
  const columns = queueColumns(width, serverWidth);
  const name = Math.max(6, serverWidth) + 1;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Queues" info={`depth over the window, max ${count(queues.max)}`} width={width} />
      {queues.rows.map((queue) => (
        <Box key={queue.server} flexDirection="row" height={queues.chartHeight}>
          <Box flexDirection="column" width={columns.label}>
            <Text wrap="truncate-end">
              <Text bold>{cell(queue.server, name)}</Text>
              {`now ${fitRight(count(queue.depth), 5)} peak ${fitRight(count(queue.peak), 5)}`}
            </Text>
            {queues.chartHeight > 1 && <Text dimColor wrap="truncate-end">{queue.peakAt === '' ? '' : `${' '.repeat(name)}peak at ${queue.peakAt}`}</Text>}
          </Box>
          <Box flexDirection="column" width={columns.chart}>
            <QueueChart values={queue.depths} max={queues.max} height={queues.chartHeight} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}
