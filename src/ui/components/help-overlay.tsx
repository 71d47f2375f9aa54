import { Box } from 'ink';
import { filterKeymap, keymap } from '../keymap.js';
import { filterFields } from '../state/filter.js';
import { messageStates } from '../state/message-state.js';
import { stateSymbol, stateTone } from '../symbols.js';
import { fit } from '../text.js';
import type { SegmentLine } from '../view-model.js';
import { Line } from './line.js';
import { PaneTitle } from './pane-title.js';

const labelWidth = 11;

/** Splits `text` into lines of at most `width` columns, at spaces where it can. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The help's lines for columns `width` wide: every keymap binding, the filter keys and syntax,
 * and the status symbols. With `details`, each binding's longer explanation follows its
 * description; text wraps rather than loses its end.
 */
export function helpLines(width: number, details = true): SegmentLine[] {
  const describe = Math.max(10, width - labelWidth - 1);
  const key = (label: string, description: string): SegmentLine[] =>
    wrapWords(description, describe).map((part, i) => [{ text: fit(i === 0 ? label : '', labelWidth), bold: true, tone: 'accent' as const }, { text: part }]);
  return [
    ...keymap.flatMap((binding) => key(binding.label, details && binding.detail !== undefined ? `${binding.description} — ${binding.detail}` : binding.description)),
    [{ text: 'While filtering', bold: true }],
    ...filterKeymap.flatMap((binding) => key(binding.label, binding.description)),
    ...key('syntax', details ? `words match any field; ${filterFields.map((field) => `${field}:`).join(' ')} match one; status is queued, deferred, delivered, bounced, pending or failed` : `word, or ${filterFields.map((field) => `${field}:`).join(' ')}`),
    [{ text: 'Status', bold: true }],
    [{ text: '  ' }, ...messageStates.flatMap((state) => [{ text: `${stateSymbol[state]} ${state}`, tone: stateTone[state] }, { text: '  ' }])],
  ];
}

/**
 * The help screen, generated from the keymap table (as the footer is). One column with the
 * details when they fit; else two columns of the short descriptions, which fit 80x24.
 */
export function HelpOverlay({ width, height }: { readonly width: number; readonly height: number }) {
  const rows = Math.max(1, height - 1);
  const single = helpLines(width - 1);
  const columns = single.length > rows ? 2 : 1;
  const columnWidth = Math.floor(width / columns);
  const lines = columns === 1 ? single : helpLines(columnWidth - 1, false);
  const chunks = Array.from({ length: columns }, (_, i) => lines.slice(i * rows, (i + 1) * rows));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Help" info="? or Esc closes" width={width} focused />
      <Box flexDirection="row" height={rows}>
        {chunks.map((chunk, i) => (
          <Box key={i} flexDirection="column" width={columnWidth}>
            {chunk.map((line, j) => (
              <Line key={j} segments={line} width={columnWidth - 1} />
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
