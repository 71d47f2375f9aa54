import type { GreylistCheckConfig } from '../peer-policy.js';

/** What greylisting said to one recipient. */
export interface GreylistVerdict {
  readonly pass: boolean;
  /** Why, for the attempt's checks: `new triplet`, `retried too early (120 s of 300 s)`, … */
  readonly detail: string;
}

interface Triplet {
  firstSeenMs: number;
  passed: boolean;
}

/**
 * Greylisting as postgrey does it. The key is the client address (or its /24, /64 for IPv6) with
 * the sender and the recipient. A new triplet is refused; a retry at least `delayMs` after the
 * first try, and within `retryWindowMs` of it, passes and the triplet is remembered; a retry after
 * the window counts as new. Clients that passed `autoWhitelistAfter` times skip greylisting.
 */
export class Greylist {
  private readonly triplets = new Map<string, Triplet>();
  private readonly passesByClient = new Map<string, number>();

  constructor(private readonly config: GreylistCheckConfig) {}

  /** Greylists one recipient of a session at `nowMs`. */
  check(address: string, sender: string, recipient: string, nowMs: number): GreylistVerdict {
    const client = this.config.bySubnet ? subnetOf(address) : address;
    const passes = this.passesByClient.get(client) ?? 0;
    if (this.config.autoWhitelistAfter > 0 && passes >= this.config.autoWhitelistAfter) {
      return { pass: true, detail: `client ${client} auto-whitelisted after ${passes} deliveries` };
    }
    const key = `${client}\u0000${sender.toLowerCase()}\u0000${recipient.toLowerCase()}`;
    const triplet = this.triplets.get(key);
    if (triplet === undefined || (!triplet.passed && nowMs - triplet.firstSeenMs > this.config.retryWindowMs)) {
      this.triplets.set(key, { firstSeenMs: nowMs, passed: false });
      return { pass: false, detail: `new triplet (${client}, ${sender}, ${recipient}): try again in ${this.config.delayMs / 1000} s` };
    }
    if (triplet.passed) return this.pass(client, passes, `triplet (${client}, ${sender}, ${recipient}) already passed`);
    const waitedMs = nowMs - triplet.firstSeenMs;
    if (waitedMs < this.config.delayMs) {
      return { pass: false, detail: `retried too early: ${Math.floor(waitedMs / 1000)} s of ${this.config.delayMs / 1000} s` };
    }
    triplet.passed = true;
    return this.pass(client, passes, `retried after ${Math.floor(waitedMs / 1000)} s: passes`);
  }

  private pass(client: string, passes: number, detail: string): GreylistVerdict {
    this.passesByClient.set(client, passes + 1);
    return { pass: true, detail };
  }
}

/** The client's /24 (IPv4) or /64 (IPv6), as postgrey's --ipv4cidr/--ipv6cidr defaults key it. */
export function subnetOf(address: string): string {
  if (!address.includes(':')) return `${address.slice(0, address.lastIndexOf('.'))}.0/24`;
  const groups = expandIpv6(address).slice(0, 4);
  return `${groups.join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const fill = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...fill, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
