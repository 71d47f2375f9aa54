import { AddressSet } from './address-set.js';
import { getOrAdd } from './get-or-add.js';
import type { BySessionKey, CheckContext } from './checks/context.js';
import { runCheck, type StageFailure } from './checks/evaluate.js';
import { Greylist } from './checks/greylist.js';
import { senderDomain } from './checks/spf-check.js';
import type { CheckConfig, GreylistCheckConfig, PeerLimitConfig, PeerPolicy } from './peer-policy.js';
import { defaultReplies } from './peer-policy.js';
import { RateLimiter } from './rate-limiter.js';
import type { Reason } from './reasons.js';
import { fillReply, smtpStages, stageIndex, type SmtpStage, type StagedReply } from './smtp.js';

/** One client session as the peer sees it. */
export interface SmtpSession {
  readonly sourceAddress: string;
  readonly helo: string;
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly nowMs: number;
  /** The SMTP AUTH account the client logs in with, if any. */
  readonly account?: string;
}

/** The result of one check in the dialogue. */
export interface CheckOutcome {
  readonly check: string;
  readonly result: 'pass' | 'fail' | 'temperror';
  readonly detail: string;
}

/** One recipient refused at RCPT while the session went on, or ended, for others. */
export interface RecipientRefusal extends Conversation {
  readonly recipient: string;
}

/**
 * How a session went: the reply that ended it, why, and each check made on the way. The reply
 * applies to every recipient of the session except those in `refused`, which RCPT answered
 * differently (greylisting and recipient limits answer each recipient on its own).
 */
export interface Conversation {
  readonly reply: StagedReply;
  readonly reason: Reason;
  readonly checks: readonly CheckOutcome[];
  readonly refused?: readonly RecipientRefusal[];
}

interface Limit {
  readonly config: PeerLimitConfig;
  readonly limiter: RateLimiter;
  /** Counted once per recipient at RCPT, rather than once per session. */
  readonly perRecipient: boolean;
}

type SessionCheck = Exclude<CheckConfig, { kind: 'greylist' }>;
const accepted: StagedReply = { ...defaultReplies.accepted.reply, stage: 'END-OF-DATA' };
// Refusals are made once, not per session: filled replies are remembered by refusal object.
const relayDenied: StageFailure = { ...defaultReplies.relayDenied, reason: 'relay-denied' };
/** Distinct answers kept per session key; past it, further ones are simply not shared. */
const answerVariants = 8;
// Made once, not per call: these run for every session a rate-limited peer walks.
const noReplies = (): BySessionKey<StagedReply> => [];

function sameConversation(a: Conversation, b: Conversation): boolean {
  if (a.reply !== b.reply || a.reason !== b.reason || a.refused !== undefined || a.checks.length !== b.checks.length) return false;
  for (let i = 0; i < a.checks.length; i++) if (a.checks[i] !== b.checks[i]) return false;
  return true;
}

/**
 * A relay or receiver on the internet: it walks the SMTP stages in order, making the checks and
 * counting the limits due at each, and ends the session at the first refusal. Limits at a stage
 * the session never reaches are not counted, as in a real dialogue. At RCPT each recipient is
 * answered on its own: some may be refused while the message goes on to the others.
 */
export class SmtpPeer {
  private readonly limits: readonly Limit[];
  private readonly relayFor: AddressSet | undefined;
  private readonly sessionChecks: readonly SessionCheck[];
  private readonly greylists: readonly { readonly config: GreylistCheckConfig; readonly list: Greylist; readonly failure: StageFailure }[];
  /** Sessions of a stateless peer depend on source, sender and HELO alone: remembered by their session key. */
  private readonly memo: BySessionKey<Conversation> | undefined;
  private readonly held: { limiter: RateLimiter; key: string }[] = [];
  /** The verdict of each stage's checks, by session key, then stage index. */
  private readonly verdicts: BySessionKey<(StageVerdict | undefined)[]>;
  /** Filled refusal replies by refusal, then session key, shared by the policy's peers. */
  private readonly replies: Map<StageFailure, BySessionKey<StagedReply>>;
  /** Distinct conversations of walked sessions by session key, shared by the policy's peers. */
  private readonly answers: BySessionKey<Conversation[]>;
  private readonly checkStages: ReadonlySet<SmtpStage>;
  /** Whether sessions hold a slot of a concurrent-connection cap until `settle`. */
  readonly holdsSessions: boolean;
  /**
   * Whether any peer of its policy would answer every session just as this one does: it keeps no
   * state of its own (no limits, relay rights or greylist) and no reply names its host. One such
   * peer can then stand for every host of the policy.
   */
  readonly interchangeable: boolean;
  private readonly answersPerRecipient: boolean;

  constructor(
    readonly policy: PeerPolicy,
    readonly hostName: string,
    private readonly context: CheckContext,
  ) {
    this.limits = policy.limits.map((config) => ({ config, limiter: new RateLimiter(config), perRecipient: config.count === 'recipients' && config.stage === 'RCPT' }));
    this.relayFor = policy.relayFor ? new AddressSet(policy.relayFor) : undefined;
    this.sessionChecks = policy.checks.filter((check): check is SessionCheck => check.kind !== 'greylist');
    this.greylists = policy.checks.filter((check) => check.kind === 'greylist').map((config) => ({ config, list: new Greylist(config), failure: { reply: config.reply, stage: config.stage, reason: 'greylisted' as const } }));
    const replies = policy.checks.flatMap((check) => (check.kind === 'spf' ? [check.reply.text, check.temperrorReply.text] : [check.reply.text]));
    // A reply naming the recipient differs per message, so such sessions cannot be remembered whole.
    const stateless = this.limits.length === 0 && this.relayFor === undefined && this.greylists.length === 0 && !replies.some((text) => text.includes('{rcpt'));
    // Unless a reply names the host, every peer of a policy answers a session alike: one memo
    // for them all stays hot in memory, where one per peer (thousands of them) would not.
    const sharedByPolicy = !replies.some((text) => text.includes('{host'));
    this.memo = !stateless ? undefined : sharedByPolicy ? context.conversationsOf(policy) : [];
    this.interchangeable = stateless && sharedByPolicy;
    this.verdicts = context.verdictsOf(policy);
    this.replies = context.repliesOf(policy);
    this.answers = context.answersOf(policy);
    this.holdsSessions = policy.limits.some((limit) => limit.window === 'concurrent');
    this.checkStages = new Set(this.sessionChecks.map((check) => check.stage));
    this.answersPerRecipient = this.greylists.length > 0 || this.limits.some((limit) => limit.perRecipient);
  }

  /** The limiters with their configuration, for display. */
  get rateLimiters(): readonly { config: PeerLimitConfig; limiter: RateLimiter }[] {
    return this.limits;
  }

  /** Runs one session through the dialogue. */
  converse(session: SmtpSession): Conversation {
    if (this.memo === undefined) return this.walk(session);
    const key = this.sessionKey(session);
    let conversation = this.memo[key];
    if (conversation === undefined) {
      conversation = this.walk(session);
      this.memo[key] = conversation;
    }
    return conversation;
  }

  private sessionKey(session: SmtpSession): number {
    return this.context.sessionKeys.key(session.sourceAddress, session.sender, session.helo);
  }

  /** The session last conversed ends at `endMs`: frees its concurrent-connection slots. */
  settle(endMs: number): void {
    for (const { limiter, key } of this.held) limiter.settle(key, endMs);
    this.held.length = 0;
  }

  private walk(session: SmtpSession): Conversation {
    return this.alike(this.dialogue(session), session);
  }

  /**
   * A conversation equal to one this policy already gave a session with the same key (the same
   * reply, reason and check outcomes, no recipient refused on its own) is that one: a
   * rate-limited peer walks every session, yet its answers are a handful of distinct ones, which
   * the attempt log can then share rather than keep one each.
   */
  private alike(conversation: Conversation, session: SmtpSession): Conversation {
    if (conversation.refused !== undefined) return conversation;
    const seen = (this.answers[this.sessionKey(session)] ??= []);
    for (const known of seen) if (sameConversation(known, conversation)) return known;
    if (seen.length < answerVariants) seen.push(conversation);
    return conversation;
  }

  private dialogue(session: SmtpSession): Conversation {
    this.held.length = 0;
    const checks: CheckOutcome[] = [];
    let refused: RecipientRefusal[] | undefined;
    for (const stage of smtpStages) {
      const failure = this.checkStage(stage, session, checks);
      if (failure !== undefined) {
        const refusal = this.refusal(failure, session, session.recipients[0] ?? '', checks);
        return refused ? { ...refusal, refused } : refusal;
      }
      if (stage !== 'RCPT' || !this.answersPerRecipient) continue;
      refused = this.answerRecipients(session, checks);
      if (refused.length === session.recipients.length) {
        const [first, ...rest] = refused;
        return rest.length === 0 ? withoutRecipient(first!) : { ...withoutRecipient(first!), refused: rest };
      }
      if (refused.length === 0) refused = undefined;
    }
    // Written out rather than spreading a conditional object: a rate-limited peer walks every session.
    return refused ? { reply: accepted, reason: 'accepted', checks, refused } : { reply: accepted, reason: 'accepted', checks };
  }

  private refusal(failure: StageFailure, session: SmtpSession, rcpt: string, checks: readonly CheckOutcome[]): Conversation {
    return { reply: this.refusalReply(failure, session, rcpt), reason: failure.reason, checks };
  }

  /**
   * The reply of a refusal with its placeholders filled. A reply naming neither the recipient
   * nor the host reads the same for every session with this session key at every peer of the
   * policy, so it is worded once: a rate-limited peer refuses the same way thousands of times.
   */
  private refusalReply(failure: StageFailure, session: SmtpSession, rcpt: string): StagedReply {
    const text = failure.reply.text;
    if (text.includes('{rcpt') || text.includes('{host')) return this.fillRefusal(failure, session, rcpt);
    const bySession = getOrAdd(this.replies, failure, noReplies);
    const key = this.sessionKey(session);
    let reply = bySession[key];
    if (reply === undefined) {
      reply = this.fillRefusal(failure, session, rcpt);
      bySession[key] = reply;
    }
    return reply;
  }

  private fillRefusal(failure: StageFailure, session: SmtpSession, rcpt: string): StagedReply {
    const values = {
      ip: session.sourceAddress, host: this.hostName, rcpt, rcptdomain: rcpt.slice(rcpt.lastIndexOf('@') + 1), helo: session.helo,
      domain: senderDomain(session.sender), list: failure.list ?? '', spf: failure.spf ?? '',
    };
    return { ...fillReply(failure.reply, values), stage: failure.stage };
  }

  private checkStage(stage: SmtpStage, session: SmtpSession, checks: CheckOutcome[]): StageFailure | undefined {
    for (const limit of this.limits) {
      if (limit.config.stage !== stage || limit.perRecipient) continue;
      const amount = limit.config.count === 'recipients' ? session.recipients.length : 1;
      const failure = this.takeLimit(limit, session, amount, checks);
      if (failure) return failure;
    }
    if (stage === 'RCPT' && this.relayFor !== undefined) {
      const allowed = this.relayFor.has(session.sourceAddress);
      checks.push({ check: 'relay-access', result: allowed ? 'pass' : 'fail', detail: allowed ? `${session.sourceAddress} may relay` : `${session.sourceAddress} is not a customer address` });
      if (!allowed) return relayDenied;
    }
    if (!this.checkStages.has(stage)) return undefined;
    const verdict = this.stageVerdict(stage, session);
    for (const outcome of verdict.outcomes) checks.push(outcome);
    return verdict.failure;
  }

  /**
   * The session checks of one stage read only the static zone and blocklists, so their verdict
   * for a (source, sender, HELO) is remembered, for every peer of the policy: a rate-limited peer
   * walks every session, but need not redo its checks or rebuild their texts.
   */
  private stageVerdict(stage: SmtpStage, session: SmtpSession): StageVerdict {
    const stages = (this.verdicts[this.sessionKey(session)] ??= []);
    const index = stageIndex(stage);
    let verdict = stages[index];
    if (verdict === undefined) {
      const outcomes: CheckOutcome[] = [];
      let failure: StageFailure | undefined;
      for (const check of this.sessionChecks) {
        if (check.stage !== stage) continue;
        failure = runCheck(check, session, this.context, outcomes);
        if (failure) break;
      }
      verdict = { outcomes, failure };
      stages[index] = verdict;
    }
    return verdict;
  }

  /** RCPT for each recipient: recipient limits, then greylisting; returns the refused ones. */
  private answerRecipients(session: SmtpSession, checks: CheckOutcome[]): RecipientRefusal[] {
    const refused: RecipientRefusal[] = [];
    for (const recipient of session.recipients) {
      const own: CheckOutcome[] = [...checks];
      const failure = this.answerRecipient(session, recipient, own);
      if (failure === undefined) {
        if (own.length > checks.length) checks.push(...own.slice(checks.length));
        continue;
      }
      refused.push({ ...this.refusal(failure, session, recipient, own), recipient });
    }
    return refused;
  }

  private answerRecipient(session: SmtpSession, recipient: string, checks: CheckOutcome[]): StageFailure | undefined {
    for (const limit of this.limits) {
      if (!limit.perRecipient) continue;
      const failure = this.takeLimit(limit, session, 1, checks);
      if (failure) return failure;
    }
    for (const { list, failure } of this.greylists) {
      const verdict = list.check(session.sourceAddress, session.sender, recipient, session.nowMs);
      checks.push({ check: 'greylist', result: verdict.pass ? 'pass' : 'fail', detail: verdict.detail });
      if (!verdict.pass) return failure;
    }
    return undefined;
  }

  private takeLimit(limit: Limit, session: SmtpSession, amount: number, checks: CheckOutcome[]): StageFailure | undefined {
    const { config, limiter } = limit;
    const key = config.scope === 'source' ? session.sourceAddress : config.scope === 'sender' ? session.sender : config.scope === 'account' ? (session.account ?? session.sourceAddress) : '*';
    const ok = limiter.take(key, session.nowMs, amount);
    if (ok && config.window === 'concurrent') this.held.push({ limiter, key });
    const labels = limitOutcomes(config);
    checks.push(ok ? labels.pass : labels.fail);
    return ok ? undefined : labels.failure;
  }
}

interface LimitOutcomes {
  readonly pass: CheckOutcome;
  readonly fail: CheckOutcome;
  readonly failure: StageFailure;
}

/** What the session checks of one stage found, and the refusal they make, if any. */
export interface StageVerdict {
  readonly outcomes: readonly CheckOutcome[];
  readonly failure: StageFailure | undefined;
}

const limitOutcomeMemo = new WeakMap<PeerLimitConfig, LimitOutcomes>();

/** What a limit records when it passes or refuses, built once per limit. */
function limitOutcomes(config: PeerLimitConfig): LimitOutcomes {
  let outcomes = limitOutcomeMemo.get(config);
  if (outcomes === undefined) {
    const check = limitLabel(config);
    outcomes = {
      pass: { check, result: 'pass', detail: 'within the limit' },
      fail: { check, result: 'fail', detail: 'over the limit' },
      failure: { reply: config.reply, stage: config.stage, reason: 'rate-limited' },
    };
    limitOutcomeMemo.set(config, outcomes);
  }
  return outcomes;
}

/** `rate-limit 20/10m per source`. */
function limitLabel(config: PeerLimitConfig): string {
  const span = config.window === 'concurrent' ? ' at once' : config.window === 'rolling-24h' ? '/24h' : `/${config.perMs / 60_000}m`;
  const kind = config.window === 'token-bucket' ? ' (token bucket)' : '';
  return `rate-limit ${config.max}${span}${config.count === 'messages' ? '' : ` ${config.count}`} per ${config.scope}${kind}`;
}

function withoutRecipient(refusal: RecipientRefusal): Conversation {
  return { reply: refusal.reply, reason: refusal.reason, checks: refusal.checks };
}
