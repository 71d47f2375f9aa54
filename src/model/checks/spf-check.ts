import type { DnsZone } from '../dns-zone.js';
import { getOrAdd, newMap } from '../get-or-add.js';
import { checkMailFrom, type SpfOutcome } from '../spf/index.js';

/**
 * SPF (RFC 7208) of the MAIL FROM identity for a client address, remembered per (address,
 * sender, HELO): the zone is static, and a replay checks the same few senders from the same few
 * link addresses millions of times.
 */
export class SpfEvaluator {
  private readonly memo = new Map<string, Map<string, Map<string, SpfOutcome>>>();

  constructor(private readonly zone: DnsZone) {}

  /** check_host() for the sender's domain and the client `address`. */
  outcome(address: string, sender: string, helo: string): SpfOutcome {
    const bySender = getOrAdd(this.memo, address, newMap<string, Map<string, SpfOutcome>>);
    const byHelo = getOrAdd(bySender, sender, newMap<string, SpfOutcome>);
    let outcome = byHelo.get(helo);
    if (outcome === undefined) {
      outcome = checkMailFrom(this.zone, { ip: address, mailFrom: sender, helo });
      byHelo.set(helo, outcome);
    }
    return outcome;
  }
}

/** The domain part of a MAIL FROM address, or the whole text when it has no `@`. */
export function senderDomain(sender: string): string {
  return sender.slice(sender.lastIndexOf('@') + 1);
}
