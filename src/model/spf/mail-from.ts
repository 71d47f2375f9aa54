import type { DnsZone } from '../dns-zone.js';
import { checkHost } from './check-host.js';
import type { SpfOutcome } from './types.js';

/** The inputs of an SPF check of the MAIL FROM identity. `mailFrom` may be empty or `<>` (a bounce). */
export interface MailFromCheck {
  readonly ip: string;
  readonly mailFrom: string;
  readonly helo: string;
  readonly receiverName?: string;
  readonly nowSeconds?: number;
}

/**
 * Checks the MAIL FROM identity (RFC 7208 §2.4): the domain is the part after the last `@`, an
 * empty local-part stands for `postmaster`; a null reverse-path checks `postmaster@<helo>` against
 * the HELO domain instead. Angle brackets around the address are ignored.
 */
export function checkMailFrom(zone: DnsZone, check: MailFromCheck): SpfOutcome {
  const address = check.mailFrom.trim().replace(/^<(.*)>$/s, '$1');
  const at = address.lastIndexOf('@');
  const domain = address === '' ? check.helo : at < 0 ? address : address.slice(at + 1);
  const localPart = at < 0 ? '' : address.slice(0, at);
  const sender = `${localPart === '' ? 'postmaster' : localPart}@${domain}`;
  return checkHost(zone, {
    ip: check.ip,
    domain,
    sender,
    helo: check.helo,
    ...(check.receiverName === undefined ? {} : { receiverName: check.receiverName }),
    ...(check.nowSeconds === undefined ? {} : { nowSeconds: check.nowSeconds }),
  });
}
