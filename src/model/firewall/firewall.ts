import { createLoadBalancer, type LoadBalancer } from './load-balancer.js';
import { PolicyRoutes } from './policy-routes.js';
import type { FirewallConfig, Flow, RouteDecision } from './types.js';

/**
 * The site's firewall: policy routes first (first match wins), then the load-balancing group,
 * then outbound NAT by egress link. It only ever places a new connection on a link it believes
 * is up. Link state is pushed in by `setLinkUp` when the world learns of a change.
 */
export class Firewall {
  private readonly routes: PolicyRoutes;
  private readonly balancer: LoadBalancer;
  private readonly natByLink: ReadonlyMap<string, string>;
  private readonly up = new Map<string, boolean>();
  private readonly isUp = (link: string): boolean => this.up.get(link) ?? false;
  private readonly modeRule: string;

  /** @param linkAddresses each link's own public address, the NAT address when no rule names one. */
  constructor(config: FirewallConfig, linkAddresses: ReadonlyMap<string, string>) {
    this.routes = new PolicyRoutes(config.policyRoutes);
    this.balancer = createLoadBalancer(config.loadBalancing);
    this.modeRule = `load-balancing:${config.loadBalancing.mode}`;
    const nat = new Map(linkAddresses);
    for (const rule of config.nat) nat.set(rule.link, rule.address);
    this.natByLink = nat;
    for (const link of linkAddresses.keys()) this.up.set(link, true);
  }

  /** Records what the firewall now believes about a link. */
  setLinkUp(link: string, up: boolean): void {
    this.up.set(link, up);
  }

  /** Whether the firewall believes the link is up. */
  isLinkUp(link: string): boolean {
    return this.isUp(link);
  }

  /** Decides the egress link and NAT address of a new connection. */
  route(flow: Flow): RouteDecision {
    const route = this.routes.match(flow);
    if (route !== undefined) {
      const rule = `policy-route:${route.name}`;
      if (this.isUp(route.via)) return this.routed(route.via, rule);
      if (route.whenDown === 'drop') return { kind: 'dropped', rule, why: `${route.via} is down and the route drops` };
      return this.balance(`${this.modeRule} (fallback from ${route.name}: ${route.via} down)`);
    }
    return this.balance(this.modeRule);
  }

  private balance(rule: string): RouteDecision {
    const link = this.balancer.pick(this.isUp);
    if (link === undefined) return { kind: 'dropped', rule, why: 'no member of the load-balancing group is up' };
    return this.routed(link, rule);
  }

  private routed(link: string, rule: string): RouteDecision {
    return { kind: 'routed', link, natAddress: this.natByLink.get(link) ?? '0.0.0.0', rule };
  }
}
