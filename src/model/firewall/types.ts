/** A new outbound connection as the firewall sees it. */
export interface Flow {
  readonly sourceAddress: string;
  readonly destinationAddress: string;
  /** TCP destination port (25 for SMTP). */
  readonly port: number;
  /** TCP source port, an ephemeral port the sender picked; 0 when unknown. */
  readonly sourcePort?: number;
}

/** Load-balancing modes of the neutral model. */
export type BalancingMode = 'failover' | 'round-robin' | 'ratio' | 'spill-over' | 'hash';

/** A member of the load-balancing group. */
export interface MemberConfig {
  readonly link: string;
  /** Failover rank, 1 preferred; defaults to the member's position. */
  readonly rank?: number;
  /** Ratio weight counting connections; defaults to 1. */
  readonly weight?: number;
  /** pfSense-style tier, 1 first: the next tier is used only when every member of this one is down. */
  readonly tier?: number;
  /** Used only when every other member is down. */
  readonly lastResort?: boolean;
}

/** Spill-over: the primary takes everything until its egress rate passes the threshold. */
export interface SpillOverConfig {
  /** The primary member; defaults to the best-ranked one. */
  readonly primary?: string;
  readonly thresholdKbps: number;
  /** Window the primary's egress rate is averaged over, ms. */
  readonly windowMs: number;
}

/** Header fields a hash reads. */
export type HashFields = 'source' | 'destination' | 'source-destination';

/**
 * Hashing: `modulo` (hash mod members), `threshold` (hash-threshold, RFC 2992, as Linux
 * multipath) or `resilient` (a bucket table, as Linux resilient nexthop groups). `whenDown`:
 * `rehash` spreads over the members up (ECMP), `backup` sends a dead member's flows to a backup
 * and leaves the others where they were (MikroTik PCC).
 */
export interface HashConfig {
  readonly fields: HashFields;
  readonly ports: boolean;
  readonly method: 'modulo' | 'threshold' | 'resilient';
  readonly whenDown: 'rehash' | 'backup';
  /** `backup`: the member that takes a dead member's flows; defaults to the next member up. */
  readonly backup?: string;
}

/** Stickiness: a binding keeps its link while it has connections, and `timeoutMs` after the last. */
export interface StickyConfig {
  /** `source-destination` (SonicWall address binding) or `source` (pfSense sticky connections). */
  readonly by: 'source' | 'source-destination';
  readonly timeoutMs: number;
}

/** The load-balancing group. */
export interface BalancingConfig {
  readonly mode: BalancingMode;
  readonly members: readonly MemberConfig[];
  /** Failover: go back to a better-ranked member once it is up (after the hold-down). */
  readonly preempt: boolean;
  /** Failover: how long a better member must have been up before failing back to it, ms. */
  readonly holdDownMs?: number;
  readonly spillOver?: SpillOverConfig;
  readonly hash?: HashConfig;
  readonly sticky?: StickyConfig;
}

/** Services a policy route can match, or `tcp/PORT`. */
export type Service = 'any' | 'smtp' | 'submission' | 'smtps' | `tcp/${number}`;

/** A policy route: first match wins and overrides load balancing. */
export interface PolicyRouteConfig {
  readonly name: string;
  readonly source?: readonly string[];
  readonly destination?: readonly string[];
  readonly service: Service | string;
  readonly via: string;
  /** When `via` is down: hand the flow to load balancing, or drop it. */
  readonly whenDown: 'fallback' | 'drop';
}

/** Outbound NAT for one egress link: an address or a pool, for all sources or some. */
export interface NatRuleConfig {
  readonly link: string;
  readonly address?: string;
  /** Addresses to translate to, one per inside source (by a hash of the source address). */
  readonly pool?: readonly string[];
  /** Inside sources the rule applies to; all when absent. */
  readonly source?: readonly string[];
}

/** What the firewall does with open connections when it marks a link down or fails back. */
export type ExistingConnections = 'keep' | 'kill' | 'reroute';

/** Everything the firewall needs. */
export interface FirewallConfig {
  readonly loadBalancing: BalancingConfig;
  readonly policyRoutes: readonly PolicyRouteConfig[];
  /** Explicit NAT rules; undefined: every link translates to its own address. */
  readonly nat?: readonly NatRuleConfig[];
  readonly existingConnections?: ExistingConnections;
}

/**
 * Where the firewall sent a flow: the link, the source address after NAT, and the rule that
 * chose the link (`policy-route:NAME` or `load-balancing:MODE`), or why it went nowhere.
 * `ispDrops`: no NAT rule applied, so the flow left with its private source address, which the
 * ISP drops.
 */
export type RouteDecision =
  | { readonly kind: 'routed'; readonly link: string; readonly natAddress: string; readonly rule: string; readonly ispDrops: boolean }
  | { readonly kind: 'dropped'; readonly rule: string; readonly why: string };

/** What a balancer may read of the links: the firewall's belief, and the egress rate. */
export interface LinkView {
  isUp(link: string): boolean;
  /** When the firewall last marked the link up, ms. */
  upSinceMs(link: string): number;
  /** Egress rate averaged over the spill-over window, kbit/s. */
  rateKbps(link: string, nowMs: number): number;
}
