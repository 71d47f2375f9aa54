import ipaddr from 'ipaddr.js';

/**
 * The SMTP client address, as check_host() sees it. An IPv4-mapped IPv6 address is already
 * converted to IPv4, because RFC 7208 §5 says it "MUST still be considered an IPv4 address".
 */
export type ClientAddress =
  | { readonly kind: 'ipv4'; readonly address: ipaddr.IPv4 }
  | { readonly kind: 'ipv6'; readonly address: ipaddr.IPv6 };

/** Parses the client address; undefined when the text is no IP address. */
export function parseClientAddress(text: string): ClientAddress | undefined {
  if (!ipaddr.isValid(text) || text.includes('%')) return undefined;
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv4') return { kind: 'ipv4', address: parsed as ipaddr.IPv4 };
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return { kind: 'ipv4', address: v6.toIPv4Address() };
  return { kind: 'ipv6', address: v6 };
}

/** `%{i}`: the dotted quad, or the 32 nibbles of an IPv6 address, lower-case, most significant first. */
export function dottedForm(client: ClientAddress): string {
  if (client.kind === 'ipv4') return client.address.octets.join('.');
  return client.address
    .toByteArray()
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .split('')
    .join('.');
}

/** `%{c}`: the dotted quad, or RFC 5952 text for IPv6. */
export function readableForm(client: ClientAddress): string {
  return client.kind === 'ipv4' ? client.address.toString() : client.address.toRFC5952String();
}

// RFC 7208 §5.6 forbids leading zeros in ip4-network, so ipaddr's lenient parser is not enough.
const decOctet = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const ip4Network = new RegExp(`^${decOctet}(?:\\.${decOctet}){3}$`);
const ip6Chars = /^[0-9A-Fa-f:.]+$/;

/** Parses the network of an `ip4:` mechanism strictly; undefined on any deviation from §5.6. */
export function parseIp4Network(text: string): ipaddr.IPv4 | undefined {
  return ip4Network.test(text) ? ipaddr.IPv4.parse(text) : undefined;
}

/** Parses the network of an `ip6:` mechanism; zone ids and other extensions are rejected. */
export function parseIp6Network(text: string): ipaddr.IPv6 | undefined {
  return ip6Chars.test(text) && ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : undefined;
}

/** Whether the client is inside the network; an address of the other family never matches. */
export function inNetwork(
  client: ClientAddress,
  network: ipaddr.IPv4 | ipaddr.IPv6,
  prefix: number,
): boolean {
  if (client.kind === 'ipv4') {
    return network.kind() === 'ipv4' && client.address.match(network as ipaddr.IPv4, prefix);
  }
  return network.kind() === 'ipv6' && client.address.match(network as ipaddr.IPv6, prefix);
}

/**
 * Whether any address record (A or AAAA text from the zone) is within `prefix` bits of the client.
 * Unparseable record text is skipped: a broken record must not break the check.
 */
export function anyAddressMatches(
  client: ClientAddress,
  records: readonly string[],
  prefix: number,
): boolean {
  return records.some((text) => {
    if (!ipaddr.isValid(text)) return false;
    const parsed = ipaddr.parse(text);
    return inNetwork(client, parsed, prefix);
  });
}

/** The address record type that can match the client: A for IPv4, AAAA for IPv6. */
export function addressType(client: ClientAddress): 'A' | 'AAAA' {
  return client.kind === 'ipv4' ? 'A' : 'AAAA';
}
