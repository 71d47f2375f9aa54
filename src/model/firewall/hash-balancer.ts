import { FlowHasher } from './flow-hash.js';
import type { LoadBalancer } from './load-balancer.js';
import type { Flow, HashConfig, LinkView, MemberConfig } from './types.js';

/** Buckets per member of a resilient table (Linux resilient nexthop groups default to 128 in all). */
const bucketsPerMember = 32;
/** A bucket idle this long may move to an underloaded member (Linux `idle_timer` default 120 s). */
const idleMs = 120_000;

/**
 * Hash balancing. `modulo`/`threshold` with `rehash` spread over the members up, so a member
 * going down or up moves flows of the others too (ECMP). With `backup`, the hash ranges over all
 * members and a dead member's flows go to the backup, the others untouched (MikroTik PCC).
 * `resilient` keeps a bucket table: only a dead member's buckets move, and buckets come back to a
 * recovered member only after being idle.
 */
export class HashBalancer implements LoadBalancer {
  private readonly links: readonly string[];
  private readonly hasher: FlowHasher;
  private readonly owner: number[] = [];
  private readonly lastUsedMs: number[] = [];

  constructor(members: readonly MemberConfig[], private readonly config: HashConfig) {
    this.links = members.map((member) => member.link);
    this.hasher = new FlowHasher(config.fields, config.ports);
    if (config.method === 'resilient') {
      for (let bucket = 0; bucket < this.links.length * bucketsPerMember; bucket++) {
        this.owner.push(bucket % this.links.length);
        this.lastUsedMs.push(Number.NEGATIVE_INFINITY);
      }
    }
  }

  pick(flow: Flow, links: LinkView, nowMs: number): string | undefined {
    const h = this.hasher.hash(flow);
    if (this.config.method === 'resilient') return this.resilient(h, links, nowMs);
    if (this.config.whenDown === 'backup') {
      const chosen = this.links[this.slot(h, this.links.length)]!;
      return links.isUp(chosen) ? chosen : this.backupFor(chosen, links);
    }
    let up = 0;
    for (const link of this.links) if (links.isUp(link)) up++;
    if (up === 0) return undefined;
    let wanted = this.slot(h, up);
    for (const link of this.links) {
      if (!links.isUp(link)) continue;
      if (wanted-- === 0) return link;
    }
    return undefined;
  }

  /** `modulo`: h mod n; `threshold`: the n-th of the hash space h falls in (RFC 2992). */
  private slot(h: number, n: number): number {
    return this.config.method === 'threshold' ? Math.floor((h / 4294967296) * n) : h % n;
  }

  private backupFor(dead: string, links: LinkView): string | undefined {
    const backup = this.config.backup;
    if (backup !== undefined && backup !== dead && links.isUp(backup)) return backup;
    const start = this.links.indexOf(dead);
    for (let step = 1; step < this.links.length; step++) {
      const link = this.links[(start + step) % this.links.length]!;
      if (links.isUp(link)) return link;
    }
    return undefined;
  }

  private resilient(h: number, links: LinkView, nowMs: number): string | undefined {
    const bucket = h % this.owner.length;
    const counts = this.links.map(() => 0);
    for (const owner of this.owner) counts[owner]!++;
    const upIndexes = this.links.flatMap((link, index) => (links.isUp(link) ? [index] : []));
    if (upIndexes.length === 0) return undefined;
    const fair = this.owner.length / upIndexes.length;
    const lightest = upIndexes.reduce((best, index) => (counts[index]! < counts[best]! ? index : best));
    const owner = this.owner[bucket]!;
    const ownerUp = links.isUp(this.links[owner]!);
    const idle = nowMs - this.lastUsedMs[bucket]! >= idleMs;
    if (!ownerUp || (idle && counts[owner]! > fair && counts[lightest]! < fair)) this.owner[bucket] = lightest;
    this.lastUsedMs[bucket] = nowMs;
    return this.links[this.owner[bucket]!];
  }
}
