import type { DnsZone } from '../dns-zone.js';
import { IdentityResolver } from '../identity.js';
import type { PeerPolicy } from '../peer-policy.js';
import type { StagedReply } from '../smtp.js';
import { SmtpPeer } from '../smtp-peer.js';
import type { ReceiverPlacement, RelayConfig } from './types.js';

/** Where a delivery goes next: an outside peer, or nowhere (with the reply the client makes up). */
export type OutsideHop =
  | { readonly kind: 'peer'; readonly host: string; readonly address: string; readonly peer: SmtpPeer }
  | { readonly kind: 'unresolvable'; readonly host: string; readonly reply: StagedReply; readonly reason: 'dns-temperror' | 'no-mx' };

/**
 * Resolves next hops on the internet: relays by name, recipient domains by MX (then A) in the
 * zone. A domain the zone does not mention is taken to exist with one MX host, `mx.DOMAIN`,
 * following the policy the placement gives it: generated traffic reaches thousands of domains no
 * one wants to write DNS for.
 */
export class Destinations {
  private readonly relays = new Map<string, OutsideHop>();
  private readonly domains = new Map<string, OutsideHop>();
  readonly identity: IdentityResolver;

  constructor(
    private readonly zone: DnsZone,
    relays: readonly RelayConfig[],
    private readonly placement: ReceiverPlacement,
    private readonly seed: number,
  ) {
    this.identity = new IdentityResolver(zone);
    for (const relay of relays) {
      this.relays.set(relay.name, { kind: 'peer', host: relay.name, address: relay.address, peer: new SmtpPeer(relay.policy, relay.name, this.identity) });
    }
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

  /** Every recipient domain's hop resolved so far. */
  domainHops(): ReadonlyMap<string, OutsideHop> {
    return this.domains;
  }

  /** The mail server of a recipient domain; remembered, so its limiters keep their state. */
  domain(domain: string): OutsideHop {
    let hop = this.domains.get(domain);
    if (hop === undefined) {
      hop = this.resolveDomain(domain);
      this.domains.set(domain, hop);
    }
    return hop;
  }

  private resolveDomain(domain: string): OutsideHop {
    const policy = this.policyOf(domain);
    if (!this.zone.has(domain)) {
      return { kind: 'peer', host: `mx.${domain}`, address: syntheticAddress(domain), peer: new SmtpPeer(policy, `mx.${domain}`, this.identity) };
    }
    const mx = this.zone.lookup(domain, 'MX');
    if (mx.status === 'timeout') return unresolvable(domain, 'dns-temperror', `Host or domain name lookup for ${domain} timed out`);
    const hosts = mx.status === 'ok' ? [...mx.records].sort((a, b) => a.preference - b.preference).map((r) => r.exchange) : [domain];
    const host = hosts[0]!;
    const address = this.zone.lookup(host, 'A');
    if (address.status === 'timeout') return unresolvable(host, 'dns-temperror', `Host or domain name lookup for ${host} timed out`);
    if (address.status !== 'ok') return unresolvable(host, 'no-mx', `Host or domain name not found. Name service error for name=${host} type=A: Host not found`);
    return { kind: 'peer', host, address: address.records[0]!, peer: new SmtpPeer(policy, host, this.identity) };
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

function unresolvable(host: string, reason: 'dns-temperror' | 'no-mx', text: string): OutsideHop {
  const permanent = reason === 'no-mx';
  return {
    kind: 'unresolvable',
    host,
    reason,
    reply: { code: null, enhanced: permanent ? '5.4.4' : '4.4.3', text, stage: 'CONNECT' },
  };
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
