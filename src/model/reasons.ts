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
  'link-down': 'no link was up to carry the connection, or the pinned link was down and the route drops',
  'no-mx': 'the recipient domain has no mail server to deliver to',
  expired: 'the message stayed queued past the server\'s queue lifetime and was returned',
} as const;

/** One term of the reason vocabulary. */
export type Reason = keyof typeof reasons;

/** Every reason, in documentation order. */
export const reasonNames = Object.keys(reasons) as Reason[];
