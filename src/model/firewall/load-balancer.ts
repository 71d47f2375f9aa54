import type { BalancingConfig, MemberConfig } from './types.js';

/**
 * Picks the link for each new connection among the members the firewall believes are up.
 * State (the round-robin pointer, the active failover member, ratio credits) lives here and
 * changes only when a connection is placed, so the sequence of choices is deterministic.
 */
export interface LoadBalancer {
  /** The chosen member, or undefined when none is up. */
  pick(isUp: (link: string) => boolean): string | undefined;
}

/** Builds the balancer for a group's mode. */
export function createLoadBalancer(config: BalancingConfig): LoadBalancer {
  switch (config.mode) {
    case 'failover':
      return new FailoverBalancer(config.members, config.preempt);
    case 'round-robin':
      return new RoundRobinBalancer(config.members);
    case 'ratio':
      return new RatioBalancer(config.members);
  }
}

/** Failover by rank: the best-ranked member that is up; without preempt, stay on the active one. */
class FailoverBalancer implements LoadBalancer {
  private readonly byRank: readonly string[];
  private active: string | undefined;

  constructor(members: readonly MemberConfig[], private readonly preempt: boolean) {
    this.byRank = members
      .map((member, index) => ({ link: member.link, rank: member.rank ?? index + 1, index }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map((member) => member.link);
  }

  pick(isUp: (link: string) => boolean): string | undefined {
    if (!this.preempt && this.active !== undefined && isUp(this.active)) return this.active;
    this.active = this.byRank.find(isUp);
    return this.active;
  }
}

/** Round robin: each new connection to the next member, in order, that is up. */
class RoundRobinBalancer implements LoadBalancer {
  private readonly links: readonly string[];
  private next = 0;

  constructor(members: readonly MemberConfig[]) {
    this.links = members.map((member) => member.link);
  }

  pick(isUp: (link: string) => boolean): string | undefined {
    for (let tried = 0; tried < this.links.length; tried++) {
      const index = (this.next + tried) % this.links.length;
      const link = this.links[index]!;
      if (isUp(link)) {
        this.next = (index + 1) % this.links.length;
        return link;
      }
    }
    return undefined;
  }
}

/**
 * Ratio by connections, as smooth weighted round robin: with weights 2:1 every run of three
 * connections holds two on the first member and one on the second, interleaved.
 */
class RatioBalancer implements LoadBalancer {
  private readonly members: readonly { link: string; weight: number }[];
  private readonly credit: number[];

  constructor(members: readonly MemberConfig[]) {
    this.members = members.map((member) => ({ link: member.link, weight: member.weight ?? 1 }));
    this.credit = this.members.map(() => 0);
  }

  pick(isUp: (link: string) => boolean): string | undefined {
    let best = -1;
    let total = 0;
    for (let index = 0; index < this.members.length; index++) {
      const member = this.members[index]!;
      if (!isUp(member.link)) continue;
      this.credit[index]! += member.weight;
      total += member.weight;
      if (best < 0 || this.credit[index]! > this.credit[best]!) best = index;
    }
    if (best < 0) return undefined;
    this.credit[best]! -= total;
    return this.members[best]!.link;
  }
}
