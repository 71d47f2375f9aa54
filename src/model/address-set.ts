import ipaddr from 'ipaddr.js';

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * A set of networks (CIDRs or single addresses) to test addresses against. Addresses are parsed
 * once per distinct text and remembered, since the same few source addresses are tested
 * millions of times in a long replay.
 */
export class AddressSet {
  private readonly networks: [Parsed, number][];
  private readonly memo = new Map<string, boolean>();

  constructor(entries: readonly string[]) {
    this.networks = entries.map(parseNetwork);
  }

  /** Whether the set holds no network at all. */
  get isEmpty(): boolean {
    return this.networks.length === 0;
  }

  /** Whether `address` lies in any of the networks; malformed addresses lie in none. */
  has(address: string): boolean {
    const known = this.memo.get(address);
    if (known !== undefined) return known;
    const result = this.compute(address);
    this.memo.set(address, result);
    return result;
  }

  private compute(address: string): boolean {
    if (!/^[\d.]+$/.test(address) && !address.includes(':')) return false;
    if (!ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address);
    return this.networks.some(([net, bits]) => net.kind() === parsed.kind() && parsed.match(net, bits));
  }
}

function parseNetwork(entry: string): [Parsed, number] {
  if (entry.includes('/')) {
    const [net, bits] = ipaddr.parseCIDR(entry);
    return [net.kind() === 'ipv6' && (net as ipaddr.IPv6).isIPv4MappedAddress() ? (net as ipaddr.IPv6).toIPv4Address() : net, bits];
  }
  const parsed = ipaddr.process(entry);
  return [parsed, parsed.kind() === 'ipv4' ? 32 : 128];
}
