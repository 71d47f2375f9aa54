import type { CheckConfig, DnsblCheckConfig, IdentityCheckConfig, SpfCheckConfig } from '../peer-policy.js';
import type { Reason } from '../reasons.js';
import type { SmtpReply, SmtpStage } from '../smtp.js';
import type { CheckOutcome } from '../smtp-peer.js';
import type { CheckContext } from './context.js';

/** A refusal a check or limit gives: the reply to fill, its stage, and why. */
export interface StageFailure {
  readonly reply: SmtpReply;
  readonly stage: SmtpStage;
  readonly reason: Reason;
  /** The blocklist that listed the client, for `{list}`. */
  readonly list?: string;
  /** The SPF result, for `{spf}`. */
  readonly spf?: string;
}

/** The client as a session-level check sees it. */
export interface CheckSubject {
  readonly sourceAddress: string;
  readonly helo: string;
  readonly sender: string;
}

/**
 * Makes one session-level check (everything but greylisting, which is per recipient), pushes what
 * it found onto `checks`, and returns the refusal when it fails. DNS timeouts make the refusal
 * temporary, as Postfix does.
 */
export function runCheck(check: Exclude<CheckConfig, { kind: 'greylist' }>, subject: CheckSubject, context: CheckContext, checks: CheckOutcome[]): StageFailure | undefined {
  switch (check.kind) {
    case 'ptr':
    case 'fcrdns':
      return reverseCheck(check, subject.sourceAddress, context, checks);
    case 'helo-fqdn':
    case 'helo-resolves':
    case 'helo-ptr':
      return heloCheck(check, subject, context, checks);
    case 'dnsbl':
      return dnsblCheck(check, subject.sourceAddress, context, checks);
    case 'spf':
      return spfCheck(check, subject, context, checks);
  }
}

function reverseCheck(check: IdentityCheckConfig, address: string, context: CheckContext, checks: CheckOutcome[]): StageFailure | undefined {
  const identity = context.identity.resolve(address);
  const names = identity.ptrNames.join(', ');
  if (identity.iprev === 'temperror') {
    checks.push({ check: check.kind, result: 'temperror', detail: `DNS lookup for ${address} timed out` });
    return { reply: asTemporary(check.reply), stage: check.stage, reason: 'dns-temperror' };
  }
  if (identity.iprev === 'permerror') {
    checks.push({ check: check.kind, result: 'fail', detail: `no PTR record for ${address}` });
    return { reply: check.reply, stage: check.stage, reason: 'no-ptr' };
  }
  if (check.kind === 'ptr') {
    checks.push({ check: 'ptr', result: 'pass', detail: `${address} → ${names}` });
    return undefined;
  }
  if (identity.iprev === 'fail') {
    checks.push({ check: 'fcrdns', result: 'fail', detail: `${names} does not resolve back to ${address}` });
    return { reply: check.reply, stage: check.stage, reason: 'fcrdns-mismatch' };
  }
  checks.push({ check: 'fcrdns', result: 'pass', detail: `${identity.confirmedName} → ${address}` });
  return undefined;
}

function heloCheck(check: IdentityCheckConfig, subject: CheckSubject, context: CheckContext, checks: CheckOutcome[]): StageFailure | undefined {
  const facts = context.helo.facts(subject.helo, subject.sourceAddress);
  const helo = subject.helo;
  if (check.kind === 'helo-fqdn') {
    checks.push({ check: check.kind, result: facts.fullyQualified ? 'pass' : 'fail', detail: facts.fullyQualified ? `${helo} is fully qualified` : `${helo} is not a fully-qualified host name` });
    return facts.fullyQualified ? undefined : { reply: check.reply, stage: check.stage, reason: 'helo-invalid' };
  }
  const found = check.kind === 'helo-resolves' ? facts.resolves : facts.matchesPtr;
  if (found === 'timeout') {
    checks.push({ check: check.kind, result: 'temperror', detail: `DNS lookup for ${helo} timed out` });
    return { reply: asTemporary(check.reply), stage: check.stage, reason: 'dns-temperror' };
  }
  const what = check.kind === 'helo-resolves' ? ['has an address', 'has no A, AAAA or MX record'] : [`is the PTR name of ${subject.sourceAddress}`, `is not the PTR name of ${subject.sourceAddress}`];
  checks.push({ check: check.kind, result: found ? 'pass' : 'fail', detail: `${helo} ${found ? what[0] : what[1]}` });
  if (found) return undefined;
  return { reply: check.reply, stage: check.stage, reason: check.kind === 'helo-resolves' ? 'helo-unknown' : 'helo-mismatch' };
}

function dnsblCheck(check: DnsblCheckConfig, address: string, context: CheckContext, checks: CheckOutcome[]): StageFailure | undefined {
  const list = context.blocklists.listing(address, check.lists);
  const consulted = check.lists === 'all' ? context.blocklists.names : check.lists;
  if (consulted.length === 0) return undefined;
  checks.push({ check: 'dnsbl', result: list === undefined ? 'pass' : 'fail', detail: list === undefined ? `${address} not listed on ${consulted.join(', ')}` : `${address} listed on ${list}` });
  return list === undefined ? undefined : { reply: check.reply, stage: check.stage, reason: 'dnsbl-listed', list };
}

function spfCheck(check: SpfCheckConfig, subject: CheckSubject, context: CheckContext, checks: CheckOutcome[]): StageFailure | undefined {
  const outcome = context.spf.outcome(subject.sourceAddress, subject.sender, subject.helo);
  const by = outcome.mechanism === undefined ? '' : ` (${outcome.mechanism})`;
  const detail = `${outcome.result} for ${subject.sender} from ${subject.sourceAddress}${by}`;
  if (outcome.result === 'temperror') {
    checks.push({ check: 'spf', result: 'temperror', detail });
    return { reply: check.temperrorReply, stage: check.stage, reason: 'spf-temperror', spf: outcome.result };
  }
  const rejected = check.reject.includes(outcome.result);
  checks.push({ check: 'spf', result: rejected ? 'fail' : 'pass', detail });
  if (!rejected) return undefined;
  return { reply: check.reply, stage: check.stage, reason: outcome.result === 'permerror' ? 'spf-permerror' : 'spf-fail', spf: outcome.result };
}

/** A DNS timeout is never a permanent refusal: Postfix turns it into a 4xx. */
export function asTemporary(reply: SmtpReply): SmtpReply {
  if (reply.code === null || reply.code < 500) return reply;
  return { code: reply.code - 100, enhanced: reply.enhanced?.replace(/^5/, '4') ?? null, text: reply.text };
}
