import type { DnsZone } from './dns-zone.js';

/** Result of a reverse-DNS check, after RFC 8601's iprev: pass, fail, permerror (no PTR), temperror. */
export type IprevResult = 'pass' | 'fail' | 'permerror' | 'temperror';

/** What the zone says about an address's reverse identity. */
export interface ReverseIdentity {
  /** PTR names found; empty when there are none. */
  readonly ptrNames: readonly string[];
  /** `permerror` when there is no PTR, `temperror` on a DNS timeout, else pass or fail by FCrDNS. */
  readonly iprev: IprevResult;
  /** The PTR name whose A/AAAA records include the address, when one does. */
  readonly confirmedName: string | undefined;
}

/**
 * Looks up PTR and forward-confirms it (FCrDNS), as receivers do. The zone is static, so results
 * are remembered per address: a replay asks about the same few link addresses millions of times.
 */
export class IdentityResolver {
  private readonly memo = new Map<string, ReverseIdentity>();

  constructor(private readonly zone: DnsZone) {}

  /** The reverse identity of an address. */
  resolve(address: string): ReverseIdentity {
    let identity = this.memo.get(address);
    if (identity === undefined) {
      identity = this.compute(address);
      this.memo.set(address, identity);
    }
    return identity;
  }

  private compute(address: string): ReverseIdentity {
    const ptr = this.zone.lookupPtr(address);
    if (ptr.status === 'timeout') return { ptrNames: [], iprev: 'temperror', confirmedName: undefined };
    if (ptr.status !== 'ok') return { ptrNames: [], iprev: 'permerror', confirmedName: undefined };
    const type = address.includes(':') ? 'AAAA' : 'A';
    let sawTimeout = false;
    for (const name of ptr.records) {
      const forward = this.zone.lookup(name, type);
      if (forward.status === 'timeout') sawTimeout = true;
      if (forward.status === 'ok' && forward.records.includes(address)) {
        return { ptrNames: ptr.records, iprev: 'pass', confirmedName: name };
      }
    }
    return { ptrNames: ptr.records, iprev: sawTimeout ? 'temperror' : 'fail', confirmedName: undefined };
  }
}
