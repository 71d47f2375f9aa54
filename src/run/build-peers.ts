import {
  limitReplies, policydSpfDefaults, postgreyDefaults, presetReplies, receiverPresets,
  type CheckConfig, type CheckKind, type PeerLimitConfig, type PeerPolicy,
} from '../model/peer-policy.js';
import type { ReplyAtStage } from '../model/peer-replies.js';
import type { WindowKind } from '../model/rate-limiter.js';
import type { ReceiverPlacement } from '../model/world/types.js';
import type { Scenario } from '../scenario/schema/index.js';

type ScenarioChecks = Scenario['internet']['relays'][number]['checks'];
type ScenarioLimit = Scenario['internet']['relays'][number]['limit'][number];
type Setting = { reply?: ReplyAtStage['reply']; stage?: ReplyAtStage['stage'] } | undefined;

const simpleChecks = [
  ['ptr', 'ptr', presetReplies.ptr],
  ['fcrdns', 'fcrdns', presetReplies.fcrdns],
  ['helo_fqdn', 'helo-fqdn', presetReplies.heloFqdn],
  ['helo_resolves', 'helo-resolves', presetReplies.heloResolves],
  ['helo_ptr', 'helo-ptr', presetReplies.heloPtr],
] as const;

const at = (setting: Setting, defaults: ReplyAtStage): ReplyAtStage => ({ reply: setting?.reply ?? defaults.reply, stage: setting?.stage ?? defaults.stage });

/** The checks a scenario gives a relay or receiver, in the order Postfix makes them: client, HELO, sender, greylisting. */
export function buildChecks(checks: ScenarioChecks): CheckConfig[] {
  const result: CheckConfig[] = [];
  for (const [key, kind, defaults] of simpleChecks.slice(0, 2)) if (checks[key]) result.push({ kind, ...at(checks[key], defaults) });
  if (checks.dnsbl) result.push({ kind: 'dnsbl', lists: checks.dnsbl.lists ?? 'all', ...at(checks.dnsbl, presetReplies.dnsbl) });
  for (const [key, kind, defaults] of simpleChecks.slice(2)) if (checks[key]) result.push({ kind, ...at(checks[key], defaults) });
  const spf = checks.spf;
  if (spf) result.push({ ...policydSpfDefaults, ...at(spf, policydSpfDefaults), reject: spf.reject ?? policydSpfDefaults.reject, temperrorReply: spf.temperror_reply ?? policydSpfDefaults.temperrorReply });
  const grey = checks.greylist;
  if (grey) {
    result.push({
      ...postgreyDefaults, reply: grey.reply ?? postgreyDefaults.reply, delayMs: grey.delay ?? postgreyDefaults.delayMs, retryWindowMs: grey.retry_window ?? postgreyDefaults.retryWindowMs,
      bySubnet: (grey.key ?? 'subnet') === 'subnet', autoWhitelistAfter: grey.auto_whitelist ?? postgreyDefaults.autoWhitelistAfter,
    });
  }
  return result;
}

/** Postfix's anvil limits (smtpd.c), per client address, in anvil_rate_time_unit windows (60 s). */
const limitPresets: Readonly<Record<NonNullable<ScenarioLimit['preset']>, { window: WindowKind; count: PeerLimitConfig['count'] }>> = {
  'postfix-message-rate': { window: 'fixed', count: 'messages' },
  'postfix-connection-rate': { window: 'fixed', count: 'connections' },
  'postfix-connection-count': { window: 'concurrent', count: 'connections' },
  'postfix-recipient-rate': { window: 'fixed', count: 'recipients' },
};
const anvilRateTimeUnitMs = 60_000;

/** A limit as written in a scenario, with its preset's and Postfix's defaults filled in. */
export function buildLimit(limit: ScenarioLimit): PeerLimitConfig {
  const preset = limit.preset === undefined ? undefined : limitPresets[limit.preset];
  const window = limit.window ?? preset?.window ?? 'fixed';
  const count = limit.count ?? preset?.count ?? (window === 'concurrent' ? 'connections' : 'messages');
  const defaults = limitReplies[count];
  return {
    max: limit.max, perMs: limit.per ?? anvilRateTimeUnitMs, window, blockMs: limit.block, extendBlock: limit.extend_block, scope: limit.scope, count,
    reply: limit.reply ?? defaults.reply, stage: limit.stage ?? defaults.stage,
  };
}

/** A receiver policy of the scenario's own, starting from a built-in one when it names a `base`. */
function buildPolicy(policy: Scenario['internet']['receivers']['policies'][number]): PeerPolicy {
  const base = policy.base === undefined ? undefined : receiverPresets[policy.base];
  const checks = buildChecks(policy.checks);
  const replaced = new Set<CheckKind>(checks.map((check) => check.kind));
  const inherited = (base?.checks ?? []).filter((check) => !replaced.has(check.kind));
  const limits = policy.limit.map(buildLimit);
  return { name: policy.name, checks: [...inherited, ...checks], limits: limits.length > 0 || base === undefined ? limits : base.limits };
}

/** Which policy each recipient domain's mail servers follow. */
export function buildPlacement(scenario: Scenario): ReceiverPlacement {
  const receivers = scenario.internet.receivers;
  const policies = new Map<string, PeerPolicy>(Object.entries(receiverPresets));
  for (const policy of receivers.policies) policies.set(policy.name, buildPolicy(policy));
  const policy = (name: string): PeerPolicy => policies.get(name)!;
  return {
    defaultPolicy: policy(receivers.default),
    shares: Object.entries(receivers.share).map(([name, fraction]) => ({ policy: policy(name), fraction })),
    byDomain: new Map(Object.entries(receivers.domains).map(([domain, name]) => [domain.toLowerCase(), policy(name)])),
  };
}

