import { Box } from 'ink';
import type { ViewModel } from '../view-model.js';
import { EventLog } from './event-log.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { LimitersPane } from './limiters-pane.js';
import { LinksPane } from './links-pane.js';
import { MessageDetail } from './message-detail.js';
import { MessageList } from './message-list.js';
import { QueuesPane } from './queues-pane.js';
import { StatusLine } from './status-line.js';
import { TooSmall } from './too-small.js';

/**
 * One frame, laid out from the view model alone. Every box has a fixed height that adds up to
 * `layout.lines` (the terminal's rows minus one), so the frame never scrolls the terminal.
 */
export function Screen({ vm }: { readonly vm: ViewModel }) {
  const { layout, ui } = vm;
  const width = layout.columns;
  if (layout.tooSmall) return <TooSmall columns={layout.columns} lines={layout.lines} />;
  const body = layout.lines - layout.header - layout.status - layout.footer;
  return (
    <Box flexDirection="column" width={width} height={layout.lines}>
      <Header header={vm.header} ui={ui} width={width} />
      {ui.helpOpen ? (
        <HelpOverlay width={width} height={body} />
      ) : (
        <>
          <LinksPane links={vm.links} width={width} height={layout.links.height} focused={ui.focus === 'links'} nameWidth={vm.messages.widths.link} addressWidth={vm.links.addressWidth} ptrWidth={vm.links.ptrWidth} />
          <Box flexDirection="row" height={layout.middle.height} width={width}>
            <QueuesPane queues={vm.queues} width={layout.middle.queuesWidth} height={layout.middle.height} serverWidth={vm.messages.widths.server} />
            <Box width={1} />
            <LimitersPane limiters={vm.limiters} width={layout.middle.limitersWidth} height={layout.middle.height} />
          </Box>
          <MessageList messages={vm.messages} width={width} height={layout.messages.height} focused={ui.focus === 'messages'} />
          {vm.detail !== null && layout.detail.height > 0 && <MessageDetail detail={vm.detail} width={width} height={layout.detail.height} focused={ui.focus === 'detail'} />}
          {layout.log.height > 0 && <EventLog log={vm.log} width={width} height={layout.log.height} focused={ui.focus === 'log'} />}
        </>
      )}
      <StatusLine ui={ui} width={width} />
      <Footer width={width} />
    </Box>
  );
}
