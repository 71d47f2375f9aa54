import type { IdentityResolver } from './identity.js';
import type { CheckConfig, PeerLimitConfig, PeerPolicy } from './peer-policy.js';
import { defaultReplies } from './peer-policy.js';
import { RateLimiter } from './rate-limiter.js';
import type { Reason } from './reasons.js';
import { fillReply, smtpStages, type SmtpStage, type StagedReply } from './smtp.js';
import { AddressSet } from './address-set.js';

/** One client session as the peer sees it. */
export interface SmtpSession {
  readonly sourceAddress: string;
  readonly helo: string;
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly nowMs: number;
}

/** The result of one check in the dialogue. */
export interface CheckOutcome {
  readonly check: string;
  readonly result: 'pass' | 'fail' | 'temperror';
  readonly detail: string;
}

/** How a session went: the reply that ended it, why, and each check made on the way. */
export interface Conversation {
  readonly reply: StagedReply;
  readonly reason: Reason;
  readonly checks: readonly CheckOutcome[];
}


/**
 * A relay or receiver on the internet: it walks the SMTP stages in order, making the checks and
 * counting the limits due at each, and ends the session at the first refusal. Limits at a stage
 * the session never reaches are not counted, as in a real dialogue.
 */
export class SmtpPeer {
  private readonly limiters: readonly { config: PeerLimitConfig; limiter: RateLimiter }[];
  private readonly relayFor: AddressSet | undefined;
  /** Sessions of a peer without limits or relay rules depend on the source address alone. */
  private readonly memo: Map<string, Conversation> | undefined;

  constructor(
    readonly policy: PeerPolicy,
    readonly hostName: string,
    private readonly identity: IdentityResolver,
  ) {
    this.limiters = policy.limits.map((config) => ({ config, limiter: new RateLimiter(config) }));
    this.relayFor = policy.relayFor ? new AddressSet(policy.relayFor) : undefined;
    this.memo = this.limiters.length === 0 && this.relayFor === undefined ? new Map() : undefined;
  }

  /** The limiters with their configuration, for display. */
  get rateLimiters(): readonly { config: PeerLimitConfig; limiter: RateLimiter }[] {
    return this.limiters;
  }

  /** Runs one session through the dialogue. */
  converse(session: SmtpSession): Conversation {
    if (this.memo === undefined) return this.walk(session);
    let conversation = this.memo.get(session.sourceAddress);
    if (conversation === undefined) {
      conversation = this.walk(session);
      this.memo.set(session.sourceAddress, conversation);
    }
    return conversation;
  }

  private walk(session: SmtpSession): Conversation {
    const checks: CheckOutcome[] = [];
    for (const stage of smtpStages) {
      const failure = this.checkStage(stage, session, checks);
      if (failure !== undefined) {
        const values = { ip: session.sourceAddress, host: this.hostName, rcpt: session.recipients[0] ?? '', helo: session.helo };
        return { reply: { ...fillReply(failure.reply, values), stage: failure.stage }, reason: failure.reason, checks };
      }
    }
    return { reply: { ...defaultReplies.accepted.reply, stage: 'END-OF-DATA' }, reason: 'accepted', checks };
  }

  private checkStage(stage: SmtpStage, session: SmtpSession, checks: CheckOutcome[]): StageFailure | undefined {
    for (const { config, limiter } of this.limiters) {
      if (config.stage !== stage) continue;
      const failure = this.takeLimit(config, limiter, session, checks);
      if (failure) return failure;
    }
    if (stage === 'RCPT' && this.relayFor !== undefined) {
      const allowed = this.relayFor.has(session.sourceAddress);
      checks.push({ check: 'relay-access', result: allowed ? 'pass' : 'fail', detail: allowed ? `${session.sourceAddress} may relay` : `${session.sourceAddress} is not a customer address` });
      if (!allowed) return { ...defaultReplies.relayDenied, reason: 'relay-denied' };
    }
    for (const check of this.policy.checks) {
      if (check.stage !== stage) continue;
      const failure = this.identityCheck(check, session.sourceAddress, checks);
      if (failure) return failure;
    }
    return undefined;
  }

  private takeLimit(config: PeerLimitConfig, limiter: RateLimiter, session: SmtpSession, checks: CheckOutcome[]): StageFailure | undefined {
    const key = config.scope === 'source' ? session.sourceAddress : config.scope === 'sender' ? session.sender : '*';
    const amount = config.count === 'recipients' ? session.recipients.length : 1;
    const accepted = limiter.take(key, session.nowMs, amount);
    const label = `rate-limit ${config.max}/${config.perMs / 60_000}m per ${config.scope}`;
    checks.push({ check: label, result: accepted ? 'pass' : 'fail', detail: accepted ? 'within the limit' : 'over the limit' });
    return accepted ? undefined : { reply: config.reply, stage: config.stage, reason: 'rate-limited' };
  }

  private identityCheck(check: CheckConfig, address: string, checks: CheckOutcome[]): StageFailure | undefined {
    const identity = this.identity.resolve(address);
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
}

interface StageFailure {
  readonly reply: CheckConfig['reply'];
  readonly stage: SmtpStage;
  readonly reason: Reason;
}

/** A DNS timeout is never a permanent refusal: Postfix turns it into a 4xx. */
function asTemporary(reply: CheckConfig['reply']): CheckConfig['reply'] {
  if (reply.code === null || reply.code < 500) return reply;
  return { code: reply.code - 100, enhanced: reply.enhanced?.replace(/^5/, '4') ?? null, text: reply.text };
}
