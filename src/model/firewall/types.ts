/** A new outbound connection as the firewall sees it. */
export interface Flow {
  readonly sourceAddress: string;
  readonly destinationAddress: string;
  /** TCP destination port (25 for SMTP). */
  readonly port: number;
}

/** Load-balancing modes of the neutral model. */
export type BalancingMode = 'failover' | 'round-robin' | 'ratio';

/** A member of the load-balancing group. */
export interface MemberConfig {
  readonly link: string;
  /** Failover rank, 1 preferred; defaults to the member's position. */
  readonly rank?: number;
  /** Ratio weight counting connections; defaults to 1. */
  readonly weight?: number;
}

/** The load-balancing group. */
export interface BalancingConfig {
  readonly mode: BalancingMode;
  readonly members: readonly MemberConfig[];
  /** Failover: go back to a better-ranked member as soon as it is up. */
  readonly preempt: boolean;
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

/** Outbound NAT for one egress link. */
export interface NatRuleConfig {
  readonly link: string;
  readonly address: string;
}

/** Everything the firewall needs. */
export interface FirewallConfig {
  readonly loadBalancing: BalancingConfig;
  readonly policyRoutes: readonly PolicyRouteConfig[];
  readonly nat: readonly NatRuleConfig[];
}

/**
 * Where the firewall sent a flow: the link, the source address after NAT, and the rule that
 * chose the link (`policy-route:NAME` or `load-balancing:MODE`), or why it went nowhere.
 */
export type RouteDecision =
  | { readonly kind: 'routed'; readonly link: string; readonly natAddress: string; readonly rule: string }
  | { readonly kind: 'dropped'; readonly rule: string; readonly why: string };
