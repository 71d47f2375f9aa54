import { CheckContext } from '../checks/context.js';
import type { BlocklistConfig } from '../checks/dnsbl.js';
import type { DnsZone } from '../dns-zone.js';
import type { IdentityResolver } from '../identity.js';
import type { PeerPolicy } from '../peer-policy.js';
import type { StagedReply } from '../smtp.js';
import { SmtpPeer } from '../smtp-peer.js';
import { HopLabels } from './hop-labels.js';
import type { ReceiverPlacement, RelayConfig } from './types.js';

/** Where a delivery goes next: an outside peer, or nowhere (with the reply the client makes up). */
export type OutsideHop =
  | { readonly kind: 'peer'; readonly id: number; readonly host: string; readonly address: string; readonly peer: SmtpPeer }
  | { readonly kind: 'unresolvable'; readonly id: number; readonly host: string; readonly address: ''; readonly reply: StagedReply; readonly reason: 'dns-temperror' | 'no-mx' };

/** How many MX addresses a delivery tries in one go (Postfix smtp_mx_address_limit). */
export const mxAddressLimit = 5;

/**
 * Resolves next hops on the internet: relays by name, recipient domains by MX (then A) in the
 * zone, every MX host in preference order (equal preferences in zone order, for determinism).
 * One MX host serving several domains under the same policy is one peer, with one set of
 * limiters and one greylist; hosts of a policy whose peers all answer alike share one peer. A
 * domain the zone does not mention is taken to exist with one MX host, `mx.DOMAIN`, following
 * the policy the placement gives it: generated traffic reaches thousands of domains no one wants
 * to write DNS for.
 */
export class Destinations {
  private readonly relays = new Map<string, OutsideHop>();
  private readonly domains = new Map<string, readonly OutsideHop[]>();
  private readonly peers = new Map<string, SmtpPeer>();
  /** One peer for all hosts of each policy whose peers answer alike (`SmtpPeer.interchangeable`). */
  private readonly sharedPeers = new Map<PeerPolicy, SmtpPeer>();
  private readonly primaries = new Map<string, OutsideHop>();
  readonly checks: CheckContext;

  constructor(
    private readonly zone: DnsZone,
    relays: readonly RelayConfig[],
    private readonly placement: ReceiverPlacement,
    private readonly seed: number,
    blocklists: readonly BlocklistConfig[] = [],
    private readonly labels: HopLabels = new HopLabels(),
  ) {
    this.checks = new CheckContext(zone, blocklists);
    for (const relay of relays) {
      const peer = new SmtpPeer(relay.policy, relay.name, this.checks);
      this.relays.set(relay.name, labels.add((id) => ({ kind: 'peer', id, host: relay.name, address: relay.address, peer })));
    }
  }

  /** The zone's reverse identities, shared with every check. */
  get identity(): IdentityResolver {
    return this.checks.identity;
  }

  /** The relay named as smarthost (names are checked when the scenario is loaded). */
  relay(name: string): OutsideHop {
    const hop = this.relays.get(name);
    if (hop === undefined) throw new Error(`unknown relay ${name}: the scenario check should have caught it`);
    return hop;
  }

  /** Every relay, for display of their limiters. */
  relayHops(): OutsideHop[] {
    return [...this.relays.values()];
  }

  /** Every recipient domain's primary (best MX) hop resolved so far. */
  domainHops(): ReadonlyMap<string, OutsideHop> {
    return this.primaries;
  }

  /**
   * The mail servers of a recipient domain, best first, at most `mxAddressLimit`; never empty
   * (an unresolvable hop stands for none). Remembered, so their limiters keep their state.
   */
  mxHops(domain: string): readonly OutsideHop[] {
    let hops = this.domains.get(domain);
    if (hops === undefined) {
      hops = this.resolveDomain(domain);
      this.domains.set(domain, hops);
      this.primaries.set(domain, hops[0]!);
    }
    return hops;
  }

  private resolveDomain(domain: string): OutsideHop[] {
    const policy = this.policyOf(domain);
    if (!this.zone.has(domain)) return [this.peerHop(`mx.${domain}`, syntheticAddress(domain), policy)];
    const mx = this.zone.lookup(domain, 'MX');
    if (mx.status === 'timeout') return [this.unresolvable(domain, 'dns-temperror', `Host or domain name lookup for ${domain} timed out`)];
    const hosts = mx.status === 'ok' ? [...mx.records].sort((a, b) => a.preference - b.preference).map((r) => r.exchange) : [domain];
    const hops: OutsideHop[] = [];
    let failure: OutsideHop | undefined;
    for (const host of hosts) {
      const address = this.zone.lookup(host, 'A');
      if (address.status === 'ok') hops.push(this.peerHop(host, address.records[0]!, policy));
      else if (address.status === 'timeout') failure ??= this.unresolvable(host, 'dns-temperror', `Host or domain name lookup for ${host} timed out`);
      else failure ??= this.unresolvable(host, 'no-mx', `Host or domain name not found. Name service error for name=${host} type=A: Host not found`);
      if (hops.length === mxAddressLimit) break;
    }
    return hops.length > 0 ? hops : [failure!];
  }

  /**
   * The hop of one MX host under a receiver policy. Hosts whose peers would all answer alike
   * share one peer, so the thousands of hosts of a busy day read one object in the cache rather
   * than one each; a peer with state of its own (limits, greylist) is one per host and policy.
   */
  private peerHop(host: string, address: string, policy: PeerPolicy): OutsideHop {
    const key = `${host}\u0000${policy.name}`;
    let peer = this.sharedPeers.get(policy) ?? this.peers.get(key);
    if (peer === undefined) {
      peer = new SmtpPeer(policy, host, this.checks);
      if (peer.interchangeable) this.sharedPeers.set(policy, peer);
      else this.peers.set(key, peer);
    }
    const found = peer;
    return this.labels.add((id) => ({ kind: 'peer', id, host, address, peer: found }));
  }

  private unresolvable(host: string, reason: 'dns-temperror' | 'no-mx', text: string): OutsideHop {
    const permanent = reason === 'no-mx';
    const reply: StagedReply = { code: null, enhanced: permanent ? '5.4.4' : '4.4.3', text, stage: 'CONNECT' };
    return this.labels.add((id) => ({ kind: 'unresolvable', id, host, address: '', reason, reply }));
  }

  private policyOf(domain: string): PeerPolicy {
    const named = this.placement.byDomain.get(domain);
    if (named !== undefined) return named;
    let draw = unitHash(`${this.seed}:${domain}`);
    for (const share of this.placement.shares) {
      if (draw < share.fraction) return share.policy;
      draw -= share.fraction;
    }
    return this.placement.defaultPolicy;
  }
}

/** FNV-1a of the text, as a fraction in [0, 1): a stable, seed-dependent placement of a domain. */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 4294967296;
}

/** A documentation-range address (192.0.2.0/24) standing for an unlisted domain's MX host. */
function syntheticAddress(domain: string): string {
  return `192.0.2.${1 + Math.floor(unitHash(domain) * 254)}`;
}
