import { Box } from 'ink';
import type { UiState } from '../state/ui-state.js';
import { count } from '../text.js';
import type { HeaderView, Segment } from '../view-model.js';
import { Line } from './line.js';
import { ProgressBar, progressLabelWidth } from './progress-bar.js';

/** Playing, paused or ended, in words and a symbol. */
export function playState(ui: UiState): Segment {
  if (ui.ended) return { text: '■ ended', tone: 'accent', bold: true };
  return ui.playing ? { text: '▶ playing', tone: 'ok', bold: true } : { text: '‖ paused', tone: 'warn', bold: true };
}

/**
 * Two lines: play state, speed, the simulated wall-clock time and the scenario's name; then
 * progress over the window and the running totals.
 */
export function Header({ header, ui, width }: { readonly header: HeaderView; readonly ui: UiState; readonly width: number }) {
  const { totals } = header;
  const first: Segment[] = [
    playState(ui),
    { text: `  ${header.speed}`, bold: true },
    { text: `   ${header.date} ` },
    { text: header.time, bold: true },
    { text: ` ${header.offset}`, tone: 'muted' },
    { text: `   ${header.scenario}` },
  ];
  const queued = totals.pending - totals.deferred;
  const summary: Segment[] = [
    { text: `  ${count(totals.submitted)} msgs  ` },
    { text: `✓ ${count(totals.delivered)}`, tone: 'ok' },
    { text: '  ' },
    { text: `⟳ ${count(totals.deferred)}`, tone: 'warn' },
    { text: `  · ${count(queued)}  ` },
    { text: `✗ ${count(totals.bounced)}`, tone: 'bad' },
    { text: `  ${count(totals.attempts)} attempts` },
  ];
  const summaryWidth = summary.reduce((sum, segment) => sum + segment.text.length, 0);
  const labels = progressLabelWidth(header.startTime, header.endTime);
  const barWidth = Math.max(10, Math.min(60, width - labels - summaryWidth));
  return (
    <Box flexDirection="column" height={2} width={width}>
      <Line segments={first} width={width} />
      <Box flexDirection="row" height={1} width={width}>
        <ProgressBar fraction={header.progress} from={header.startTime} to={header.endTime} barWidth={barWidth} />
        <Line segments={summary} width={Math.max(0, width - labels - barWidth)} />
      </Box>
    </Box>
  );
}
