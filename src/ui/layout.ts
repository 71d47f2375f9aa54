/** Below this the panes cannot be drawn legibly; the UI says so instead. */
export const minColumns = 80;
export const minRows = 24;

/** A pane's height in lines, and how many list rows (or text lines) fit under its title. */
export interface PaneSize {
  readonly height: number;
  readonly rows: number;
}

/** Where everything goes for one terminal size. Heights add up to `lines`. */
export interface Layout {
  readonly columns: number;
  /** Lines drawn: the terminal's rows minus one, so the frame never scrolls or flickers. */
  readonly lines: number;
  readonly tooSmall: boolean;
  readonly header: number;
  readonly links: PaneSize;
  /** Queues (left) and limiters (right) share one band. */
  readonly middle: PaneSize & { readonly chartHeight: number; readonly queuesWidth: number; readonly limitersWidth: number };
  readonly messages: PaneSize;
  /** Zero height when the trace is closed. */
  readonly detail: PaneSize;
  /** Zero height when the trace takes its room. */
  readonly log: PaneSize;
  readonly status: number;
  readonly footer: number;
}

/** What the layout depends on besides the terminal. */
export interface LayoutShape {
  readonly links: number;
  readonly queues: number;
  readonly limiters: number;
  readonly detailOpen: boolean;
}

const none: PaneSize = { height: 0, rows: 0 };

/**
 * Lays the screen out for a terminal of `columns` × `terminalRows`. Pure; the controller uses it
 * to know how many rows to fetch (lists are virtualised) and the view to size its boxes.
 */
export function computeLayout(columns: number, terminalRows: number, shape: LayoutShape): Layout {
  const lines = Math.max(0, terminalRows - 1);
  const tooSmall = columns < minColumns || terminalRows < minRows;
  const base = { columns, lines, tooSmall, header: 2, status: 1, footer: 1 };
  if (tooSmall) {
    return { ...base, header: 0, status: 0, footer: 0, links: none, middle: { ...none, chartHeight: 0, queuesWidth: 0, limitersWidth: 0 }, messages: none, detail: none, log: none };
  }
  const body = lines - base.header - base.status - base.footer;
  const tall = body >= 30;
  // Each pane: one title line, then its rows (links also have a column header).
  const linkRows = Math.max(1, Math.min(shape.links, tall ? 6 : 3));
  const links = { height: linkRows + 2, rows: linkRows };

  const chartHeight = shape.queues * 3 <= 9 && tall ? 3 : shape.queues * 2 <= 6 && body >= 26 ? 2 : 1;
  const queueLines = Math.max(1, Math.min(shape.queues * chartHeight, tall ? 9 : 4));
  const middleRows = Math.max(queueLines, Math.min(shape.limiters, 2));
  const queuesWidth = Math.floor(columns * 0.55);
  const middle = { height: middleRows + 1, rows: middleRows, chartHeight, queuesWidth, limitersWidth: columns - queuesWidth - 1 };

  const rest = body - links.height - middle.height;
  if (shape.detailOpen) {
    // The trace takes the log's room and most of the list's: its lines are what the user asked for.
    const listRows = Math.max(3, Math.floor((rest - 4) * 0.3));
    const messages = { height: listRows + 2, rows: listRows };
    const detailHeight = rest - messages.height;
    return { ...base, links, middle, messages, detail: { height: detailHeight, rows: detailHeight - 1 }, log: none };
  }
  const logRows = rest >= 26 ? 6 : rest >= 18 ? 4 : 2;
  const log = { height: logRows + 1, rows: logRows };
  const messagesHeight = rest - log.height;
  return { ...base, links, middle, messages: { height: messagesHeight, rows: messagesHeight - 2 }, detail: none, log };
}
