import type { LoadBalancer } from './load-balancer.js';
import type { Flow, LinkView, MemberConfig } from './types.js';

/**
 * Failover by rank (tier first, then rank, then position; last-resort members last): the best
 * member up. Without preempt it stays on the active member while that is up; with preempt it
 * fails back to a better member once that has been up for the hold-down.
 */
export class FailoverBalancer implements LoadBalancer {
  /** Members best first. */
  readonly byRank: readonly string[];
  private active: string | undefined;

  constructor(members: readonly MemberConfig[], private readonly preempt: boolean, private readonly holdDownMs: number) {
    this.byRank = members
      .map((member, index) => ({ link: member.link, order: [member.lastResort ? 1 : 0, member.tier ?? 1, member.rank ?? index + 1, index] }))
      .sort((a, b) => compareOrder(a.order, b.order))
      .map((member) => member.link);
  }

  pick(_flow: Flow, links: LinkView, nowMs: number): string | undefined {
    let best: string | undefined;
    for (const link of this.byRank) {
      if (links.isUp(link)) {
        best = link;
        break;
      }
    }
    const active = this.active;
    if (best !== undefined && active !== undefined && active !== best && links.isUp(active)) {
      if (!this.preempt || nowMs - links.upSinceMs(best) < this.holdDownMs) return active;
    }
    this.active = best;
    return best;
  }
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Round robin: each new connection to the next member, in order, that is up. */
export class RoundRobinBalancer implements LoadBalancer {
  private readonly links: readonly string[];
  private next = 0;

  constructor(members: readonly MemberConfig[]) {
    this.links = members.map((member) => member.link);
  }

  pick(_flow: Flow, links: LinkView): string | undefined {
    for (let tried = 0; tried < this.links.length; tried++) {
      const index = (this.next + tried) % this.links.length;
      const link = this.links[index]!;
      if (links.isUp(link)) {
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
export class RatioBalancer implements LoadBalancer {
  private readonly members: readonly { link: string; weight: number }[];
  private readonly credit: number[];

  constructor(members: readonly MemberConfig[]) {
    this.members = members.map((member) => ({ link: member.link, weight: member.weight ?? 1 }));
    this.credit = this.members.map(() => 0);
  }

  pick(_flow: Flow, links: LinkView): string | undefined {
    let best = -1;
    let total = 0;
    for (let index = 0; index < this.members.length; index++) {
      const member = this.members[index]!;
      if (!links.isUp(member.link)) continue;
      this.credit[index]! += member.weight;
      total += member.weight;
      if (best < 0 || this.credit[index]! > this.credit[best]!) best = index;
    }
    if (best < 0) return undefined;
    this.credit[best]! -= total;
    return this.members[best]!.link;
  }
}
