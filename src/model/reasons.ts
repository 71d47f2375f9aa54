/**
 * Why an attempt ended as it did, or why a message ended. The vocabulary is documented with each
 * term's meaning in docs/reasons.md; reports count by it.
 */
export const reasons = {
  accepted: 'the next hop accepted the message (2xx)',
  'rate-limited': "the next hop's rate limit refused it",
  'relay-denied': 'the relay does not relay for the source address',
  'no-ptr': 'the source address has no reverse DNS (PTR) record',
  'fcrdns-mismatch': "the PTR name does not resolve back to the source address (forward-confirmed rDNS failed)",
  'dns-temperror': 'a DNS lookup the check needed timed out',
  'helo-invalid': 'the HELO name is not a fully-qualified host name',
  'helo-unknown': 'the HELO name has no A, AAAA or MX record',
  'helo-mismatch': "the HELO name is not the source address's PTR name",
  'dnsbl-listed': 'the source address is on a DNS blocklist the next hop uses',
  'spf-fail': "the sender domain's SPF does not authorise the source address (fail, or a result the receiver rejects)",
  'spf-permerror': "the sender domain's SPF record is broken (permerror) and the receiver rejects that",
  'spf-temperror': "a DNS lookup for the sender domain's SPF timed out (temperror)",
  greylisted: 'the receiver greylisted the (client, sender, recipient) triplet: try again later',
  suspended: 'an earlier session was refused at the greeting, so the server suspended delivery to that destination',
  'link-down': 'no link was up to carry the connection, or the pinned link was down and the route drops',
  'connect-timeout': 'the connection left through a link that was really down (the firewall had not noticed yet) or lost every SYN, and timed out',
  'connection-lost': 'the session was cut: its link failed under it, or the firewall reset or re-routed it when it marked a link down or failed back',
  'no-nat': 'the egress link has no NAT rule, so the connection left with its private source address and the ISP dropped it',
  'no-mx': 'the recipient domain has no mail server to deliver to',
  expired: 'the message stayed queued past the server\'s queue lifetime and was returned',
} as const;

/** One term of the reason vocabulary. */
export type Reason = keyof typeof reasons;

/** Every reason, in documentation order. */
export const reasonNames = Object.keys(reasons) as Reason[];
