import { filterFields } from '../state/filter.js';
import type { UiState } from '../state/ui-state.js';
import { filterKeymap } from '../keymap.js';
import type { Segment } from '../view-model.js';
import { Line } from './line.js';

const noticeMark = { info: '•', warn: '!', bad: '✗' } as const;

/** What the status line says: the filter being typed, else the latest notice, else the filter in force. */
export function statusSegments(ui: UiState): Segment[] {
  if (ui.filter.editing) {
    const keys = filterKeymap.map((binding) => `${binding.label} ${binding.description.split(',')[0]}`).join(' · ');
    return [
      { text: '/ ', bold: true, tone: 'accent' },
      { text: ui.filter.draft },
      { text: '█', tone: 'accent' },
      { text: `   ${keys} · fields: ${filterFields.map((field) => `${field}:`).join(' ')}`, tone: 'muted' },
    ];
  }
  if (ui.notice !== null) return [{ text: `${noticeMark[ui.notice.tone]} ${ui.notice.text}`, tone: ui.notice.tone === 'info' ? 'accent' : ui.notice.tone, bold: ui.notice.tone === 'bad' }];
  const active = [ui.filter.text === '' ? '' : `filter "${ui.filter.text}"`, ui.failuresOnly ? 'failures only' : ''].filter((part) => part !== '');
  if (active.length > 0) return [{ text: `${active.join(' · ')}  (Esc clears)`, tone: 'accent' }];
  return [{ text: `focus: ${ui.focus}  ·  Tab switches panes  ·  ? lists every key`, tone: 'muted' }];
}

/** One line above the footer for the filter prompt and notices (new failures, what-ifs, the end). */
export function StatusLine({ ui, width }: { readonly ui: UiState; readonly width: number }) {
  return <Line segments={statusSegments(ui)} width={width} />;
}
