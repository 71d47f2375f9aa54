import { FailoverBalancer, RatioBalancer, RoundRobinBalancer } from './basic-balancers.js';
import { HashBalancer } from './hash-balancer.js';
import { SpillOverBalancer } from './spill-over.js';
import { StickyBalancer } from './sticky.js';
import type { BalancingConfig, Flow, LinkView, MemberConfig } from './types.js';

/**
 * Picks the link for each new connection among the members the firewall believes are up.
 * State (the round-robin pointer, the active failover member, ratio credits, bindings) lives in
 * the balancer and changes only when a connection is placed or closed, so the sequence of
 * choices is deterministic.
 */
export interface LoadBalancer {
  /** The chosen member, or undefined when none is up. */
  pick(flow: Flow, links: LinkView, nowMs: number): string | undefined;
  /** A connection placed by `pick` on `link` has closed (stickiness counts them). */
  closed?(flow: Flow, link: string, nowMs: number): void;
}

/**
 * Builds the group's balancer: the mode's balancer per tier (a tier is used only when every
 * member of the better tiers is down; last-resort members form the final tier), wrapped in
 * stickiness when configured. Failover orders by tier then rank itself.
 */
export function createLoadBalancer(config: BalancingConfig): LoadBalancer {
  const inner = config.mode === 'failover' ? new FailoverBalancer(config.members, config.preempt, config.holdDownMs ?? 0) : tiered(config);
  return config.sticky ? new StickyBalancer(inner, config.sticky) : inner;
}

function tiered(config: BalancingConfig): LoadBalancer {
  const tiers = tiersOf(config.members);
  const balancers = tiers.map((members) => modeBalancer(config, members));
  if (balancers.length === 1) return balancers[0]!;
  return new TieredBalancer(tiers.map((members) => members.map((member) => member.link)), balancers);
}

function modeBalancer(config: BalancingConfig, members: readonly MemberConfig[]): LoadBalancer {
  switch (config.mode) {
    case 'round-robin':
      return new RoundRobinBalancer(members);
    case 'ratio':
      return new RatioBalancer(members);
    case 'spill-over':
      return new SpillOverBalancer(members, config.spillOver ?? { thresholdKbps: Number.POSITIVE_INFINITY, windowMs: 10_000 });
    case 'hash':
      return new HashBalancer(members, config.hash ?? { fields: 'source-destination', ports: false, method: 'modulo', whenDown: 'rehash' });
    case 'failover':
      return new FailoverBalancer(members, config.preempt, config.holdDownMs ?? 0);
  }
}

/** Members grouped by tier, best first; last-resort members last. */
export function tiersOf(members: readonly MemberConfig[]): MemberConfig[][] {
  const tierOf = (member: MemberConfig): number => (member.lastResort ? Number.POSITIVE_INFINITY : member.tier ?? 1);
  const numbers = [...new Set(members.map(tierOf))].sort((a, b) => a - b);
  return numbers.map((tier) => members.filter((member) => tierOf(member) === tier));
}

/** Balances within the first tier with a member up. */
class TieredBalancer implements LoadBalancer {
  constructor(
    private readonly tiers: readonly (readonly string[])[],
    private readonly balancers: readonly LoadBalancer[],
  ) {}

  pick(flow: Flow, links: LinkView, nowMs: number): string | undefined {
    for (let index = 0; index < this.tiers.length; index++) {
      if (this.tiers[index]!.some((link) => links.isUp(link))) return this.balancers[index]!.pick(flow, links, nowMs);
    }
    return undefined;
  }
}
