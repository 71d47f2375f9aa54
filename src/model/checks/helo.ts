import type { DnsZone } from '../dns-zone.js';
import type { IdentityResolver } from '../identity.js';

/** What the zone says about a client's HELO name. */
export interface HeloFacts {
  /** A dotted name (or an address literal `[1.2.3.4]`), as reject_non_fqdn_helo_hostname wants. */
  readonly fullyQualified: boolean;
  /** Whether the name has an A, AAAA or MX record (reject_unknown_helo_hostname); `timeout` on a DNS timeout. */
  readonly resolves: boolean | 'timeout';
  /** Whether the name is one of the client address's PTR names; `timeout` on a DNS timeout. */
  readonly matchesPtr: boolean | 'timeout';
}

const hostLabel = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9])?$/i;

/**
 * Checks of the HELO name against the zone, remembered per (name, address): the zone is static
 * and a replay sees the same few servers' names over and over.
 */
export class HeloResolver {
  private readonly memo = new Map<string, Map<string, HeloFacts>>();

  constructor(
    private readonly zone: DnsZone,
    private readonly identity: IdentityResolver,
  ) {}

  /** The facts of `helo` given by a client at `address`. */
  facts(helo: string, address: string): HeloFacts {
    let byAddress = this.memo.get(helo);
    if (byAddress === undefined) {
      byAddress = new Map();
      this.memo.set(helo, byAddress);
    }
    let facts = byAddress.get(address);
    if (facts === undefined) {
      facts = this.compute(helo, address);
      byAddress.set(address, facts);
    }
    return facts;
  }

  private compute(helo: string, address: string): HeloFacts {
    const literal = /^\[.*\]$/.test(helo);
    const name = helo.toLowerCase().replace(/\.$/, '');
    const fullyQualified = literal || (name.includes('.') && name.split('.').every((label) => hostLabel.test(label)));
    const reverse = this.identity.resolve(address);
    const matchesPtr = reverse.iprev === 'temperror' ? 'timeout' : reverse.ptrNames.some((ptr) => ptr.toLowerCase().replace(/\.$/, '') === name);
    return { fullyQualified, resolves: literal ? true : this.resolves(name), matchesPtr: literal ? false : matchesPtr };
  }

  private resolves(name: string): boolean | 'timeout' {
    for (const type of ['A', 'AAAA', 'MX'] as const) {
      const answer = this.zone.lookup(name, type);
      if (answer.status === 'timeout') return 'timeout';
      if (answer.status === 'ok') return true;
    }
    return false;
  }
}
