import { addressType, anyAddressMatches, inNetwork } from './address.js';
import type { EvalContext, TermResult } from './context.js';
import { countedLookup, matched, maxNamesPerTerm, notMatched, permError, tempError } from './context.js';
import { toQueryName } from './domain-name.js';
import { matchPtr } from './ptr.js';
import { targetName } from './target.js';
import type { Mechanism, SpfResult } from './types.js';

/** Evaluates check_host() for an included domain; supplied by check-host.ts to avoid an import cycle. */
export type IncludeCheck = (domain: string | undefined) => SpfResult;

/** Mechanisms that query DNS and so count toward the limit of ten (RFC 7208 §4.6.4). */
export function queriesDns(mechanism: Mechanism): boolean {
  return ['include', 'a', 'mx', 'ptr', 'exists'].includes(mechanism.kind);
}

/** Evaluates one mechanism for the record of `domain` (RFC 7208 §5). */
export function matchMechanism(
  ctx: EvalContext,
  mechanism: Mechanism,
  domain: string,
  include: IncludeCheck,
): TermResult {
  switch (mechanism.kind) {
    case 'all':
      return matched;
    case 'ip4':
    case 'ip6':
      return inNetwork(ctx.client, mechanism.network, mechanism.prefix) ? matched : notMatched;
    case 'include':
      return includeResult(include(targetName(ctx, mechanism.target, domain)));
    case 'exists':
      return matchExists(ctx, targetName(ctx, mechanism.target, domain));
    case 'ptr': {
      const target = targetName(ctx, mechanism.target, domain);
      return target === undefined ? notMatched : matchPtr(ctx, target);
    }
    case 'a':
    case 'mx': {
      const target = targetName(ctx, mechanism.target, domain);
      const prefix = ctx.client.kind === 'ipv4' ? mechanism.prefix4 : mechanism.prefix6;
      if (target === undefined) return notMatched;
      return mechanism.kind === 'a' ? matchA(ctx, target, prefix) : matchMx(ctx, target, prefix);
    }
  }
}

/**
 * RFC 7208 §5.2 table: an included pass matches; fail, softfail and neutral do not; temperror and
 * permerror propagate; none becomes permerror (the include points at nothing).
 */
function includeResult(result: SpfResult): TermResult {
  switch (result) {
    case 'pass': return matched;
    case 'fail':
    case 'softfail':
    case 'neutral': return notMatched;
    case 'temperror': return tempError;
    case 'permerror':
    case 'none': return permError;
  }
}

/** `exists`: an A query, whatever the client's family (RFC 7208 §5.7). */
function matchExists(ctx: EvalContext, target: string | undefined): TermResult {
  if (target === undefined) return notMatched;
  const { answer, overVoidLimit } = countedLookup(ctx, target, 'A');
  if (answer.status === 'timeout') return tempError;
  if (overVoidLimit) return permError;
  return answer.status === 'ok' ? matched : notMatched;
}

/** `a`: any address of the client's family within the prefix (RFC 7208 §5.3). */
function matchA(ctx: EvalContext, target: string, prefix: number): TermResult {
  const { answer, overVoidLimit } = countedLookup(ctx, target, addressType(ctx.client));
  if (answer.status === 'timeout') return tempError;
  if (overVoidLimit) return permError;
  const hit = answer.status === 'ok' && anyAddressMatches(ctx.client, answer.records, prefix);
  return hit ? matched : notMatched;
}

/**
 * `mx`: any address of any MX host (RFC 7208 §5.4). No MX records means no match: the target is not
 * its own implicit MX (§5.4/4). More than ten MX records is a permerror (§4.6.4).
 */
function matchMx(ctx: EvalContext, target: string, prefix: number): TermResult {
  const { answer, overVoidLimit } = countedLookup(ctx, target, 'MX');
  if (answer.status === 'timeout') return tempError;
  if (overVoidLimit) return permError;
  if (answer.status !== 'ok') return notMatched;
  if (answer.records.length > maxNamesPerTerm) return permError;
  for (const mx of answer.records) {
    const host = toQueryName(mx.exchange);
    // A null MX (RFC 7505, exchange ".") names no host, so it has no addresses to match.
    if (host === undefined) continue;
    const addresses = ctx.zone.lookup(host, addressType(ctx.client));
    if (addresses.status === 'timeout') return tempError;
    if (addresses.status === 'ok' && anyAddressMatches(ctx.client, addresses.records, prefix)) return matched;
  }
  return notMatched;
}
