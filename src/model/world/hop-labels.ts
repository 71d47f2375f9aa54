/** A next hop as attempts name it: host and address, with a number the attempt log stores instead. */
export interface HopLabel {
  /** Index in the `HopLabels` that made it. */
  readonly id: number;
  readonly host: string;
  /** Empty when the host has no address (it did not resolve). */
  readonly address: string;
}

/**
 * Every next hop of a world, numbered as it is made: relays and MX hosts outside, servers inside.
 * Attempts keep a hop's number rather than its two strings, so millions of them hold no
 * references for the collector to scan and no heap memory to grow by.
 */
export class HopLabels {
  private readonly labels: HopLabel[] = [];

  /** Makes a label (or an object that is one) with the next number. */
  add<T extends HopLabel>(make: (id: number) => T): T {
    const label = make(this.labels.length);
    this.labels.push(label);
    return label;
  }

  /** The label numbered `id`. */
  get(id: number): HopLabel {
    const label = this.labels[id];
    if (label === undefined) throw new RangeError(`no hop is numbered ${id}`);
    return label;
  }
}
