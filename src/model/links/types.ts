/** Probe timing: one probe every `intervalMs`; down after `downAfter` misses in a row, up after `upAfter` answers in a row. */
export interface ProbeConfig {
  readonly intervalMs: number;
  readonly downAfter: number;
  readonly upAfter: number;
}

/**
 * How the firewall learns a link's state: `instant` (it knows at once, the abstract default),
 * `probe` (only what its probes see, so it learns after a detection lag), or `none` (no monitor:
 * it never notices, as a bare route table with an outage past the modem).
 */
export type Detection =
  | { readonly kind: 'instant' }
  | { readonly kind: 'probe'; readonly probe: ProbeConfig }
  | { readonly kind: 'none' };

/** SonicWall's probe defaults: every 5 s, down after 3 misses, up after 3 answers. */
export const sonicwallProbe: ProbeConfig = { intervalMs: 5_000, downAfter: 3, upAfter: 3 };

/** What the network needs of each link. */
export interface LinkSpec {
  readonly name: string;
  /** Uplink bandwidth, kbit/s. */
  readonly uplinkKbps: number;
  /** Fraction of packets lost each way, 0 to 1. */
  readonly lossRate: number;
  readonly detection: Detection;
  /** Averaging window of the egress-rate meter, ms, when something (spill-over) reads the rate. */
  readonly meterWindowMs?: number;
}
