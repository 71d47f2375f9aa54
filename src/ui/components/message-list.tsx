import { Box } from 'ink';
import { messageColumns, type MessageColumns } from '../columns.js';
import { selectedMark, stateSymbol, stateTone } from '../symbols.js';
import { cell, count, fit } from '../text.js';
import type { MessageRow, MessagesView, Segment } from '../view-model.js';
import { Line } from './line.js';
import { PaneTitle } from './pane-title.js';

/** A message as a row: the status is a symbol and a colour, never the colour alone. */
export function messageSegments(row: MessageRow, widths: MessageColumns): Segment[] {
  const failed = row.state === 'deferred' || row.state === 'bounced';
  return [
    { text: row.selected ? `${selectedMark} ` : '  ' },
    { text: fit(stateSymbol[row.state], widths.status), tone: stateTone[row.state], bold: true },
    { text: cell(row.time, widths.time) },
    { text: cell(row.id, widths.id) },
    { text: cell(row.from, widths.from) },
    { text: cell(row.domains, widths.domain) },
    { text: cell(row.server, widths.server) },
    { text: cell(row.link, widths.link) },
    { text: fit(row.reply, widths.reply), tone: failed ? stateTone[row.state] : undefined },
  ];
}

/** The title's right side: how many are shown, and why not all. */
function listInfo(messages: MessagesView): string {
  const parts = [];
  if (messages.filter !== '') parts.push(`filter "${messages.filter}"`);
  if (messages.failuresOnly) parts.push('failures only');
  const shown = parts.length > 0 ? `${count(messages.shown)} of ${count(messages.submitted)}` : `${count(messages.submitted)} submitted`;
  const scanning = messages.scanProgress < 1 ? [`filtering… ${Math.floor(messages.scanProgress * 100)}%`] : [];
  return [shown, ...parts, ...scanning].join(' · ');
}

/** The message list. Virtualised: the view model holds only the rows that fit. */
export function MessageList({ messages, width, height, focused }: { readonly messages: MessagesView; readonly width: number; readonly height: number; readonly focused: boolean }) {
  const widths = messageColumns(width, messages.widths);
  const header = ['  ', fit('', widths.status), cell('TIME', widths.time), cell('ID', widths.id), cell('SENDER', widths.from), cell('TO DOMAIN', widths.domain), cell('SERVER', widths.server), cell('LINK', widths.link), 'LAST REPLY'].join('');
  const empty = messages.rows.length === 0 ? (messages.submitted === 0 ? 'no message submitted yet' : 'no message matches the filter (Esc clears it)') : null;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Messages" info={listInfo(messages)} width={width} focused={focused} />
      <Line segments={[{ text: header, tone: 'muted' }]} width={width} />
      {empty !== null && <Line segments={[{ text: `  ${empty}`, tone: 'muted' }]} width={width} />}
      {messages.rows.map((row) => (
        <Line key={row.seq} segments={messageSegments(row, widths)} width={width} inverse={row.selected} />
      ))}
    </Box>
  );
}
