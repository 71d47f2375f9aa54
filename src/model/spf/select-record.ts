import type { DnsZone } from '../dns-zone.js';
import { isSpfRecord } from './parse-record.js';

/** The outcome of looking for a domain's SPF record (RFC 7208 §4.4, §4.5). */
export type RecordSelection =
  | { readonly kind: 'record'; readonly text: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'permerror'; readonly reason: string }
  | { readonly kind: 'temperror' };

/**
 * Finds the one SPF record of a domain among its TXT records. Only TXT is read: RFC 7208 §3.1
 * removed the SPF RR type. Other TXT records are ignored whatever they hold (non-ASCII included);
 * two or more `v=spf1` records are a permerror, even identical ones (§4.5).
 */
export function selectRecord(zone: DnsZone, domain: string): RecordSelection {
  const answer = zone.lookup(domain, 'TXT');
  if (answer.status === 'timeout') return { kind: 'temperror' };
  if (answer.status !== 'ok') return { kind: 'none' };
  const spf = answer.records.filter(isSpfRecord);
  const [only] = spf;
  if (only === undefined) return { kind: 'none' };
  if (spf.length > 1) return { kind: 'permerror', reason: `${spf.length} SPF records` };
  return { kind: 'record', text: only };
}
