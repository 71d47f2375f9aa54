import type { DnsAnswer, DnsZone, RecordData, RecordType } from '../dns-zone.js';
import type { ClientAddress } from './address.js';
import { dottedForm, readableForm } from './address.js';
import type { MacroValues } from './macro.js';

/** Terms that query DNS (include, a, mx, ptr, exists, redirect) allowed per check (RFC 7208 §4.6.4). */
export const maxDnsTerms = 10;
/** Queries answered with no records or NXDOMAIN allowed per check (RFC 7208 §4.6.4). */
export const maxVoidLookups = 2;
/** MX names per `mx`, and PTR names per `ptr` or `%{p}`, that are looked at (RFC 7208 §4.6.4). */
export const maxNamesPerTerm = 10;

/**
 * The state of one check_host() evaluation, shared by every recursion (include, redirect), because
 * the limits are global to the check (RFC 7208 §4.6.4). `lookups` and `voids` only grow.
 */
export interface EvalContext {
  readonly zone: DnsZone;
  readonly client: ClientAddress;
  readonly sender: string;
  readonly localPart: string;
  readonly senderDomain: string;
  readonly helo: string;
  readonly receiverName: string;
  readonly nowSeconds: number;
  lookups: number;
  voids: number;
}

/** Counts one DNS-querying term; false once the check has gone over the limit. */
export function countDnsTerm(ctx: EvalContext): boolean {
  ctx.lookups += 1;
  return ctx.lookups <= maxDnsTerms;
}

/** A query made for a term's own target, with void answers counted. `overVoidLimit` means permerror. */
export interface CountedAnswer<T> {
  readonly answer: DnsAnswer<T>;
  readonly overVoidLimit: boolean;
}

/**
 * Queries a term's target and counts a void answer (nodata or NXDOMAIN). Only the term's own query
 * counts, not the follow-up address queries for MX hosts or PTR names: those names are not all under
 * the domain owner's control, and the RFC leaves the choice open.
 */
export function countedLookup<K extends RecordType>(
  ctx: EvalContext,
  name: string,
  type: K,
): CountedAnswer<RecordData[K]> {
  const answer = ctx.zone.lookup(name, type);
  if (answer.status === 'nodata' || answer.status === 'nxdomain') ctx.voids += 1;
  return { answer, overVoidLimit: ctx.voids > maxVoidLookups };
}

/** The macro values of this check for the record of `domain`. */
export function macroValues(ctx: EvalContext, domain: string, validatedName: () => string): MacroValues {
  return {
    sender: ctx.sender,
    localPart: ctx.localPart,
    senderDomain: ctx.senderDomain,
    domain,
    dottedIp: dottedForm(ctx.client),
    readableIp: readableForm(ctx.client),
    ipVersion: ctx.client.kind === 'ipv4' ? 'in-addr' : 'ip6',
    helo: ctx.helo,
    receiverName: ctx.receiverName,
    nowSeconds: ctx.nowSeconds,
    validatedName,
  };
}

/** How one mechanism came out: it matched, it did not, or it ended the check with an error. */
export type TermResult =
  | { readonly kind: 'match' }
  | { readonly kind: 'nomatch' }
  | { readonly kind: 'error'; readonly result: 'permerror' | 'temperror' };

/** The four term outcomes, shared so mechanisms return constants rather than fresh objects. */
export const matched: TermResult = { kind: 'match' };
export const notMatched: TermResult = { kind: 'nomatch' };
export const permError: TermResult = { kind: 'error', result: 'permerror' };
export const tempError: TermResult = { kind: 'error', result: 'temperror' };
