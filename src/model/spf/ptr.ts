import { reverseName } from '../dns-zone.js';
import { addressType, anyAddressMatches } from './address.js';
import type { EvalContext, TermResult } from './context.js';
import { countedLookup, matched, maxNamesPerTerm, notMatched, permError } from './context.js';
import { isQueryableName, stripTrailingDot } from './domain-name.js';

/**
 * Whether `name` resolves back to the client address (forward confirmation, RFC 7208 §5.5).
 * A DNS error, a CNAME loop included, skips the name rather than failing the check (§5.5).
 */
function confirms(ctx: EvalContext, name: string): boolean {
  if (!isQueryableName(name)) return false;
  const answer = ctx.zone.lookup(name, addressType(ctx.client));
  const hostPrefix = ctx.client.kind === 'ipv4' ? 32 : 128;
  return answer.status === 'ok' && anyAddressMatches(ctx.client, answer.records, hostPrefix);
}

/** Whether `name` is `domain` or one of its subdomains, ignoring case. */
function isWithin(name: string, domain: string): boolean {
  const n = name.toLowerCase();
  const d = stripTrailingDot(domain).toLowerCase();
  return n === d || n.endsWith(`.${d}`);
}

/** The first ten PTR names of the client, in the order DNS gave them, trailing dots stripped. */
function firstPtrNames(names: readonly string[]): string[] {
  return names.slice(0, maxNamesPerTerm).map(stripTrailingDot);
}

/**
 * The `ptr` mechanism (RFC 7208 §5.5): matches when a forward-confirmed PTR name of the client is
 * the target or under it. Only the first ten PTR names are looked at (§4.6.4). A PTR query that
 * fails just does not match: the sender does not control the client's reverse zone.
 */
export function matchPtr(ctx: EvalContext, target: string): TermResult {
  const { answer, overVoidLimit } = countedLookup(ctx, reverseOf(ctx), 'PTR');
  if (overVoidLimit) return permError;
  if (answer.status !== 'ok') return notMatched;
  const candidates = firstPtrNames(answer.records).filter((name) => isWithin(name, target));
  return candidates.some((name) => confirms(ctx, name)) ? matched : notMatched;
}

/**
 * `%{p}` (RFC 7208 §7.3): a validated name of the client, preferring `domain` itself, then a
 * subdomain of it, then the first validated name; `unknown` when none validates.
 */
export function validatedName(ctx: EvalContext, domain: string): string {
  const answer = ctx.zone.lookupPtr(ctx.client.address.toString());
  if (answer.status !== 'ok') return 'unknown';
  const valid = firstPtrNames(answer.records).filter((name) => confirms(ctx, name));
  const exact = valid.find((name) => name.toLowerCase() === stripTrailingDot(domain).toLowerCase());
  return exact ?? valid.find((name) => isWithin(name, domain)) ?? valid[0] ?? 'unknown';
}

function reverseOf(ctx: EvalContext): string {
  return reverseName(ctx.client.address.toString());
}
