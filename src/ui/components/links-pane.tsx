import { Box } from 'ink';
import { linkColumns } from '../columns.js';
import { selectedMark } from '../symbols.js';
import { cell, count, fitRight } from '../text.js';
import type { LinkRow, LinksView, Segment } from '../view-model.js';
import { sparkline } from './sparkline.js';
import { Line } from './line.js';
import { PaneTitle } from './pane-title.js';

/**
 * `up` or `DOWN` is the truth; a `*` marks that the firewall has not noticed yet (its probes take
 * a few seconds), so it still routes by the old state.
 */
export function linkState(link: Pick<LinkRow, 'up' | 'reallyUp'>): string {
  return `${link.reallyUp ? 'up' : 'DOWN'}${link.up === link.reallyUp ? '' : '*'}`;
}

/** One link as a table row: state in words (not colour alone), PTR or a clear "no PTR". */
export function linkSegments(link: LinkRow, widths: ReturnType<typeof linkColumns>, failureMax: number): Segment[] {
  return [
    { text: link.selected ? `${selectedMark} ` : '  ' },
    { text: cell(link.name, widths.name), bold: true },
    { text: cell(linkState(link), widths.state), tone: link.reallyUp ? (link.up ? 'ok' : 'warn') : 'bad', bold: !link.reallyUp },
    { text: cell(link.address, widths.address) },
    link.ptr === null ? { text: cell('✗ no PTR', widths.ptr), tone: 'bad' } : { text: cell(link.ptr, widths.ptr) },
    { text: fitRight(count(link.attempts), widths.count) },
    { text: fitRight(count(link.accepted), widths.count), tone: link.accepted > 0 ? 'ok' : undefined },
    { text: fitRight(count(link.deferred), widths.count), tone: link.deferred > 0 ? 'warn' : undefined },
    { text: fitRight(count(link.rejected), widths.count), tone: link.rejected > 0 ? 'bad' : undefined },
    { text: ' ' },
    { text: sparkline(link.failures, failureMax), tone: 'bad' },
  ];
}

/** Links: up or down, public address, PTR, outcome counts, and failures over the window. */
export function LinksPane({ links, width, height, focused, nameWidth, addressWidth, ptrWidth }: { readonly links: LinksView; readonly width: number; readonly height: number; readonly focused: boolean; readonly nameWidth: number; readonly addressWidth: number; readonly ptrWidth: number }) {
  const widths = linkColumns(width, nameWidth, addressWidth, ptrWidth);
  const counts = widths.count >= 9 ? ['ATTEMPTS', 'ACCEPTED', 'DEFERRED', 'REJECTED'] : ['TRIES', 'OK', 'DEFER', 'REJ'];
  const header = ['  ', cell('LINK', widths.name), cell('STATE', widths.state), cell('ADDRESS', widths.address), cell('PTR', widths.ptr), ...counts.map((label) => fitRight(label, widths.count)), ' FAILURES OVER THE WINDOW'].join('');
  const unnoticed = links.rows.some((link) => link.up !== link.reallyUp) ? '* the firewall has not noticed yet' : '';
  const info = [unnoticed, links.rows.length < links.total ? `${links.total} links` : '', focused ? 'l: down/up now' : ''].filter((part) => part !== '').join(' · ');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Links" info={info} width={width} focused={focused} />
      <Line segments={[{ text: header, tone: 'muted' }]} width={width} />
      {links.rows.map((link) => (
        <Line key={link.name} segments={linkSegments(link, widths, links.failureMax)} width={width} inverse={focused && link.selected} />
      ))}
    </Box>
  );
}
