import { FailoverBalancer } from './basic-balancers.js';
import { createLoadBalancer, type LoadBalancer } from './load-balancer.js';
import { Nat } from './nat.js';
import { PolicyRoutes } from './policy-routes.js';
import type { ExistingConnections, FirewallConfig, Flow, LinkView, RouteDecision } from './types.js';

/** Distinct routed decisions kept for sharing; a NAT pool over many sources could make more. */
const maxSharedDecisions = 16;

/**
 * The site's firewall: policy routes first (first match wins), then the load-balancing group,
 * then outbound NAT by egress link. It only ever places a new connection on a link it believes
 * is up. What it believes is pushed in by `setLinkUp` (at once, or when its probes notice);
 * the egress rate spill-over needs comes from `rateKbps`.
 */
export class Firewall implements LinkView {
  private readonly routes: PolicyRoutes;
  private readonly balancer: LoadBalancer;
  private readonly nat: Nat;
  private readonly up = new Map<string, boolean>();
  private readonly upSince = new Map<string, number>();
  private readonly modeRule: string;
  /** Failover order, best first, for failing back open connections; empty in other modes. */
  private readonly failoverOrder: readonly string[];
  readonly existingConnections: ExistingConnections;
  /** Decisions made so far, shared: a link, NAT result and rule give the same one every time. */
  private readonly decisions: Extract<RouteDecision, { kind: 'routed' }>[] = [];

  /**
   * @param linkAddresses each link's own public address, the NAT address when no rule names one.
   * @param rate egress rate of a link averaged over the spill-over window, kbit/s.
   */
  constructor(config: FirewallConfig, linkAddresses: ReadonlyMap<string, string>, private readonly rate: (link: string, nowMs: number) => number = () => 0) {
    this.routes = new PolicyRoutes(config.policyRoutes);
    this.balancer = createLoadBalancer(config.loadBalancing);
    this.modeRule = `load-balancing:${config.loadBalancing.mode}`;
    this.nat = new Nat(config.nat, linkAddresses);
    this.existingConnections = config.existingConnections ?? 'keep';
    this.failoverOrder = config.loadBalancing.mode === 'failover' ? new FailoverBalancer(config.loadBalancing.members, true, 0).byRank : [];
    for (const link of linkAddresses.keys()) {
      this.up.set(link, true);
      this.upSince.set(link, 0);
    }
  }

  /** Records what the firewall now believes about a link, from `nowMs`. */
  setLinkUp(link: string, up: boolean, nowMs = 0): void {
    if (up && this.up.get(link) !== true) this.upSince.set(link, nowMs);
    this.up.set(link, up);
  }

  /** Whether the firewall believes the link is up. */
  isLinkUp(link: string): boolean {
    return this.up.get(link) ?? false;
  }

  isUp(link: string): boolean {
    return this.up.get(link) ?? false;
  }

  upSinceMs(link: string): number {
    return this.upSince.get(link) ?? 0;
  }

  rateKbps(link: string, nowMs: number): number {
    return this.rate(link, nowMs);
  }

  /** Failover members ranked worse than `link`, whose connections a fail-back moves; none in other modes. */
  worseThan(link: string): readonly string[] {
    const index = this.failoverOrder.indexOf(link);
    return index < 0 ? [] : this.failoverOrder.slice(index + 1);
  }

  /** Decides the egress link and NAT address of a new connection at `nowMs`. */
  route(flow: Flow, nowMs = 0): RouteDecision {
    const route = this.routes.match(flow);
    if (route !== undefined) {
      const rule = `policy-route:${route.name}`;
      if (this.isUp(route.via)) return this.routed(flow, route.via, rule);
      if (route.whenDown === 'drop') return { kind: 'dropped', rule, why: `${route.via} is down and the route drops` };
      return this.balance(flow, `${this.modeRule} (fallback from ${route.name}: ${route.via} down)`, nowMs);
    }
    return this.balance(flow, this.modeRule, nowMs);
  }

  /** A connection the group placed has closed (stickiness counts open connections). */
  closed(flow: Flow, link: string, nowMs: number): void {
    if (this.balancer.closed === undefined || this.routes.match(flow) !== undefined) return;
    this.balancer.closed(flow, link, nowMs);
  }

  /** Whether the firewall needs to hear of closed connections. */
  get tracksClosures(): boolean {
    return this.balancer.closed !== undefined;
  }

  private balance(flow: Flow, rule: string, nowMs: number): RouteDecision {
    const link = this.balancer.pick(flow, this, nowMs);
    if (link === undefined) return { kind: 'dropped', rule, why: 'no member of the load-balancing group is up' };
    return this.routed(flow, link, rule);
  }

  private routed(flow: Flow, link: string, rule: string): RouteDecision {
    const { address, ispDrops } = this.nat.translate(link, flow.sourceAddress);
    // A site has a handful of links, sources and rules; a scan finds the decision without making one per connection.
    for (const known of this.decisions) if (known.link === link && known.natAddress === address && known.rule === rule && known.ispDrops === ispDrops) return known;
    const decision = { kind: 'routed' as const, link, natAddress: address, rule, ispDrops };
    if (this.decisions.length < maxSharedDecisions) this.decisions.push(decision);
    return decision;
  }
}
