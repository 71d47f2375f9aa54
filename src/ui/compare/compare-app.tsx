import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import { Line } from '../components/line.js';
import { PaneTitle } from '../components/pane-title.js';
import { ProgressBar } from '../components/progress-bar.js';
import { count, fit } from '../text.js';
import type { Segment, Tone } from '../view-model.js';
import type { CompareController, CompareState } from './compare-controller.js';
import type { DifferingRow, SideView } from './compare-model.js';

const verdictTone: Readonly<Record<DifferingRow['verdict'], Tone>> = { worse: 'bad', better: 'ok', other: 'warn' };
const verdictMark: Readonly<Record<DifferingRow['verdict'], string>> = { worse: '▼', better: '▲', other: '≠' };

/** The compare view: both replays side by side on one clock, differing messages below. */
export function CompareApp({ controller, columns, rows }: { readonly controller: CompareController; readonly columns: number; readonly rows: number }) {
  const state = useSyncExternalStore((listener) => controller.subscribe(listener), () => controller.current);
  const { exit } = useApp();
  useInput((input, key) => controller.key(key.upArrow ? 'up' : key.downArrow ? 'down' : key.ctrl && input === 'c' ? 'ctrl+c' : input === ' ' ? 'space' : input));
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  return <CompareScreen state={state} columns={columns} rows={rows} />;
}

/** The frame itself, pure of input: tests render it directly. */
export function CompareScreen({ state, columns, rows }: { readonly state: CompareState; readonly columns: number; readonly rows: number }) {
  const half = Math.floor((columns - 1) / 2);
  const [before, after] = state.frame.sides;
  const sideRows = Math.max(before.links.length, after.links.length) + Math.max(before.queues.length, after.queues.length) + 4;
  const listRows = Math.max(1, rows - sideRows - 5);
  const shown = state.frame.differing.slice(state.scroll, state.scroll + listRows);
  const status = state.done ? 'finished' : state.paused ? 'paused' : 'playing';
  return (
    <Box flexDirection="column" width={columns}>
      <Line segments={[{ text: 'egress-sim diff ', bold: true }, { text: `${state.frame.clock}  ${status}  ${state.speed}` }]} width={columns} />
      <ProgressBar fraction={state.frame.fraction} from="" to="" barWidth={Math.max(10, columns - 10)} />
      <Box flexDirection="row">
        <SidePane side={before} label="BEFORE" width={half} />
        <Text> </Text>
        <SidePane side={after} label="AFTER" width={half} other={before} />
      </Box>
      <PaneTitle title={`Messages that differ: ${count(state.frame.differing.length)}`} info={state.frame.differing.length > listRows ? `${state.scroll + 1}-${state.scroll + shown.length} ↑↓` : ''} width={columns} />
      {shown.length === 0 ? <Text>  none so far</Text> : shown.map((row) => <Line key={row.id} segments={differingSegments(row, columns)} width={columns} />)}
      <Line segments={[{ text: 'space pause  + - speed  ↑↓ scroll  e to the end  q quit', tone: 'muted' }]} width={columns} />
    </Box>
  );
}

function SidePane({ side, label, width, other }: { readonly side: SideView; readonly label: string; readonly width: number; readonly other?: SideView }) {
  const delta = (value: number, previous: number | undefined, lowerIsBetter: boolean): Segment[] => {
    if (previous === undefined || previous === value) return [];
    const better = lowerIsBetter ? value < previous : value > previous;
    return [{ text: ` (${value > previous ? '+' : '-'}${count(Math.abs(value - previous))})`, tone: better ? 'ok' : 'bad' }];
  };
  return (
    <Box flexDirection="column" width={width}>
      <PaneTitle title={`${label}: ${side.title}`} width={width} />
      <Line segments={[{ text: `delivered ${count(side.delivered)}` }, ...delta(side.delivered, other?.delivered, false), { text: `  bounced ${count(side.bounced)}` }, ...delta(side.bounced, other?.bounced, true), { text: `  pending ${count(side.pending)}` }, ...delta(side.pending, other?.pending, true)]} width={width} />
      {side.links.map((link, index) => (
        <Line key={link.name} segments={[{ text: fit(`  ${link.name}`, 8) }, { text: `${count(link.attempts)} attempts, ` }, { text: `${count(link.failed)} failed`, tone: link.failed > 0 ? 'bad' : undefined }, ...delta(link.failed, other?.links[index]?.failed, true)]} width={width} />
      ))}
      {side.queues.map((queue, index) => (
        <Line key={queue.server} segments={[{ text: fit(`  ${queue.server}`, 14) }, { text: `queue ${count(queue.depth)}, peak ${count(queue.peak)}` }, ...delta(queue.peak, other?.queues[index]?.peak, true)]} width={width} />
      ))}
    </Box>
  );
}

function differingSegments(row: DifferingRow, columns: number): Segment[] {
  const side = Math.max(10, Math.floor((columns - 14) / 2));
  return [{ text: `${verdictMark[row.verdict]} `, tone: verdictTone[row.verdict] }, { text: fit(row.id, 10) }, { text: fit(row.before, side) }, { text: fit(row.after, side), tone: verdictTone[row.verdict] }];
}
