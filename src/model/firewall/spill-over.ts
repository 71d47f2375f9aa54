import type { LoadBalancer } from './load-balancer.js';
import type { Flow, LinkView, MemberConfig, SpillOverConfig } from './types.js';

/**
 * Spill-over (SonicWall): new connections go to the primary while its egress rate, averaged over
 * the window, is at or under the threshold; above it they go round robin to the alternates up.
 * Connections already on an alternate stay there when the primary drops back under: only new
 * connections are placed.
 */
export class SpillOverBalancer implements LoadBalancer {
  private readonly primary: string;
  private readonly alternates: readonly string[];
  private next = 0;

  constructor(members: readonly MemberConfig[], private readonly config: SpillOverConfig) {
    const byRank = [...members].map((member, index) => ({ member, index })).sort((a, b) => (a.member.rank ?? a.index + 1) - (b.member.rank ?? b.index + 1) || a.index - b.index);
    this.primary = config.primary !== undefined && members.some((m) => m.link === config.primary) ? config.primary : byRank[0]!.member.link;
    this.alternates = byRank.map(({ member }) => member.link).filter((link) => link !== this.primary);
  }

  pick(_flow: Flow, links: LinkView, nowMs: number): string | undefined {
    const primaryUp = links.isUp(this.primary);
    if (primaryUp && links.rateKbps(this.primary, nowMs) <= this.config.thresholdKbps) return this.primary;
    for (let tried = 0; tried < this.alternates.length; tried++) {
      const index = (this.next + tried) % this.alternates.length;
      const link = this.alternates[index]!;
      if (links.isUp(link)) {
        this.next = (index + 1) % this.alternates.length;
        return link;
      }
    }
    return primaryUp ? this.primary : undefined;
  }
}
