import type { DnsZone } from '../dns-zone.js';
import { parseClientAddress } from './address.js';
import type { EvalContext } from './context.js';
import { countDnsTerm } from './context.js';
import { isCheckableDomain, stripTrailingDot } from './domain-name.js';
import { explain } from './explanation.js';
import { matchMechanism, queriesDns } from './mechanisms.js';
import { parseRecord } from './parse-record.js';
import { selectRecord } from './select-record.js';
import { targetName } from './target.js';
import type { Qualifier, SpfCheck, SpfOutcome, SpfRecord, SpfResult } from './types.js';

/** The outcome of one (possibly recursive) evaluation, before the lookup count is attached. */
type Verdict = Omit<SpfOutcome, 'lookups'>;

const qualifierResults: Readonly<Record<Qualifier, SpfResult>> = {
  '+': 'pass',
  '-': 'fail',
  '~': 'softfail',
  '?': 'neutral',
};

/**
 * check_host() of RFC 7208 §4, evaluated against the simulated zone. Pure and total: bad records
 * and DNS failures come back as `permerror` or `temperror`, never as exceptions. An `ip` that is
 * not an IP address gives `none`, since no policy can be applied to it.
 */
export function checkHost(zone: DnsZone, check: SpfCheck): SpfOutcome {
  const client = parseClientAddress(check.ip);
  if (client === undefined) return { result: 'none', lookups: 0 };
  const { localPart, senderDomain } = splitSender(check.sender, check.domain);
  const ctx: EvalContext = {
    zone,
    client,
    sender: `${localPart}@${senderDomain}`,
    localPart,
    senderDomain,
    helo: check.helo,
    receiverName: check.receiverName ?? 'unknown',
    nowSeconds: check.nowSeconds ?? 0,
    lookups: 0,
    voids: 0,
  };
  const verdict = evaluateDomain(ctx, stripTrailingDot(check.domain));
  return { ...verdict, lookups: ctx.lookups };
}

/**
 * Splits `<sender>` at its last `@`. An empty local-part becomes `postmaster` (RFC 7208 §4.3);
 * a sender without `@` is taken as a bare domain, falling back to `domain` when empty.
 */
export function splitSender(sender: string, domain: string): { localPart: string; senderDomain: string } {
  const at = sender.lastIndexOf('@');
  const localPart = at < 0 ? '' : sender.slice(0, at);
  const senderDomain = at < 0 ? sender : sender.slice(at + 1);
  return {
    localPart: localPart === '' ? 'postmaster' : localPart,
    senderDomain: senderDomain === '' ? domain : senderDomain,
  };
}

/** check_host() for one domain: validate it, select and parse its record, evaluate it (§4.3–§4.6). */
function evaluateDomain(ctx: EvalContext, domain: string): Verdict {
  if (!isCheckableDomain(domain)) return { result: 'none' };
  const selection = selectRecord(ctx.zone, domain);
  if (selection.kind !== 'record') return { result: selection.kind };
  const parsed = parseRecord(selection.text);
  if (!parsed.ok) return { result: 'permerror', mechanism: parsed.term };
  return evaluateRecord(ctx, parsed.record, domain);
}

/** Directives left to right, first match wins; then `redirect=`; else neutral (RFC 7208 §4.6, §4.7). */
function evaluateRecord(ctx: EvalContext, record: SpfRecord, domain: string): Verdict {
  const include = (target: string | undefined): SpfResult =>
    target === undefined ? 'none' : evaluateDomain(ctx, target).result;
  for (const directive of record.directives) {
    if (queriesDns(directive.mechanism) && !countDnsTerm(ctx)) {
      return { result: 'permerror', mechanism: directive.text };
    }
    const outcome = matchMechanism(ctx, directive.mechanism, domain, include);
    if (outcome.kind === 'error') return { result: outcome.result, mechanism: directive.text };
    if (outcome.kind === 'nomatch') continue;
    const result = qualifierResults[directive.qualifier];
    const explanation = result === 'fail' ? explain(ctx, record.exp, domain) : undefined;
    return { result, mechanism: directive.text, ...(explanation === undefined ? {} : { explanation }) };
  }
  return record.redirect === undefined ? { result: 'neutral' } : followRedirect(ctx, record, domain);
}

/**
 * `redirect=` (RFC 7208 §6.1): the target's result replaces this record's, explanation included,
 * and this record's `exp=` is dropped. A target with no record, or no usable name, is a permerror.
 */
function followRedirect(ctx: EvalContext, record: SpfRecord, domain: string): Verdict {
  const mechanism = `redirect=${record.redirect?.source ?? ''}`;
  if (!countDnsTerm(ctx)) return { result: 'permerror', mechanism };
  const target = targetName(ctx, record.redirect, domain);
  if (target === undefined) return { result: 'permerror', mechanism };
  const verdict = evaluateDomain(ctx, target);
  return verdict.result === 'none' ? { result: 'permerror', mechanism } : verdict;
}
