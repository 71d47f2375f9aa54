import type { Detection } from '../links/types.js';
import { sonicwallProbe } from '../links/types.js';
import type { BalancingMode, ExistingConnections, HashConfig } from './types.js';

/** Vendors whose defaults map onto the neutral model. */
export const vendorNames = ['sonicwall', 'pfsense', 'fortigate', 'mikrotik-pcc', 'linux-ecmp'] as const;

/** A vendor's name. */
export type VendorName = (typeof vendorNames)[number];

/**
 * A vendor's defaults in the neutral model; a scenario's own keys override each. Sources and
 * the approximations made are listed in docs/model.md, "Vendor presets".
 */
export interface VendorPreset {
  readonly mode: BalancingMode;
  readonly detection: Detection;
  readonly existingConnections: ExistingConnections;
  readonly hash?: HashConfig;
}

/** The presets. */
export const vendorPresets: Readonly<Record<VendorName, VendorPreset>> = {
  // SonicOS Failover & LB: default group "Basic Active/Passive Failover", preempt on, probe every
  // 5 s, deactivate after 3 missed intervals, reactivate after 3 successful ones.
  sonicwall: { mode: 'failover', detection: { kind: 'probe', probe: sonicwallProbe }, existingConnections: 'keep' },
  // pfSense gateway groups (tiers, weights); dpinger: send_interval 500 ms, time_period 60 s,
  // loss alarm 20%, loss_interval 2 s. A dead link reaches 20% of 120 probes lost after 24
  // misses plus the 2 s loss interval (28 probes, 14 s); after a long outage it clears once
  // fewer than 24 of the last 120 are lost (97 answers, about 48 s). States are kept by default.
  pfsense: { mode: 'ratio', detection: { kind: 'probe', probe: { intervalMs: 500, downAfter: 28, upAfter: 97 } }, existingConnections: 'keep' },
  // FortiGate SD-WAN: v4-ecmp-mode source-ip-based (default); health check interval 500 ms,
  // failtime 5, recoverytime 5; snat-route-change disabled, so sessions keep their route.
  fortigate: {
    mode: 'hash',
    hash: { fields: 'source', ports: false, method: 'modulo', whenDown: 'rehash' },
    detection: { kind: 'probe', probe: { intervalMs: 500, downAfter: 5, upAfter: 5 } },
    existingConnections: 'keep',
  },
  // RouterOS PCC (per-connection-classifier=both-addresses:N/i) with check-gateway=ping: a probe
  // every 10 s, unreachable after 2 missed, reachable on the first answer. Marked connections
  // follow the backup route with their old NAT address, so the far end loses them.
  'mikrotik-pcc': {
    mode: 'hash',
    hash: { fields: 'source-destination', ports: false, method: 'modulo', whenDown: 'backup' },
    detection: { kind: 'probe', probe: { intervalMs: 10_000, downAfter: 2, upAfter: 1 } },
    existingConnections: 'reroute',
  },
  // Linux multipath routes: fib_multipath_hash_policy 0 (source and destination addresses),
  // hash-threshold selection; a nexthop goes when its device loses carrier, at once.
  'linux-ecmp': {
    mode: 'hash',
    hash: { fields: 'source-destination', ports: false, method: 'threshold', whenDown: 'rehash' },
    detection: { kind: 'instant' },
    existingConnections: 'keep',
  },
};
