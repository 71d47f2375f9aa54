/**
 * Column widths for the table-like panes, from the width they get. Shared by the controller (which
 * must know how many sparkline and chart columns to compute) and the components (which draw them).
 */

/** Links pane columns. */
export interface LinkColumns {
  readonly mark: number;
  readonly name: number;
  readonly state: number;
  readonly address: number;
  readonly ptr: number;
  readonly count: number;
  readonly spark: number;
}

/**
 * Widths for the links table. The PTR column comes before the sparkline: whether an address has
 * a PTR is often the whole story. The sparkline of failures gets what is left.
 */
export function linkColumns(width: number, nameWidth: number, addressWidth: number, ptrWidth = 20): LinkColumns {
  const fixed = { mark: 2, name: Math.max(4, nameWidth) + 1, state: 6, address: Math.max(7, addressWidth) + 1, count: width >= 110 ? 9 : 6 };
  const used = fixed.mark + fixed.name + fixed.state + fixed.address + fixed.count * 4 + 1;
  const ptr = Math.max(10, Math.min(Math.max(10, ptrWidth + 1), 32, width - used - 6));
  return { ...fixed, ptr, spark: Math.max(4, width - used - ptr) };
}

/** Message list columns. */
export interface MessageColumns {
  readonly mark: number;
  readonly status: number;
  readonly time: number;
  readonly id: number;
  readonly from: number;
  readonly domain: number;
  readonly server: number;
  readonly link: number;
  readonly reply: number;
}

/**
 * Widths for the message list. Time, id, server and link keep their size; sender, domain and reply
 * share the rest, the reply getting the most since it says why.
 */
export function messageColumns(width: number, widths: { readonly id: number; readonly server: number; readonly link: number }): MessageColumns {
  const fixed = { mark: 2, status: 2, time: 9, id: Math.max(2, widths.id) + 1, server: Math.max(6, widths.server) + 1, link: Math.max(4, widths.link) + 1 };
  const rest = Math.max(30, width - (fixed.mark + fixed.status + fixed.time + fixed.id + fixed.server + fixed.link));
  const from = Math.max(10, Math.min(26, Math.floor(rest * 0.28)));
  const domain = Math.max(10, Math.min(26, Math.floor(rest * 0.28)));
  return { ...fixed, from, domain, reply: rest - from - domain };
}

/** Queue rows: a label block, then the chart. */
export interface QueueColumns {
  readonly label: number;
  readonly chart: number;
}

/** Widths for a queue row in a band `width` wide. */
export function queueColumns(width: number, serverWidth: number): QueueColumns {
  const label = Math.max(6, serverWidth) + 1 + 21;
  return { label, chart: Math.max(4, width - label - 1) };
}
