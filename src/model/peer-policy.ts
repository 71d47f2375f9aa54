import type { LimitConfig } from './rate-limiter.js';
import type { SpfResult } from './spf/index.js';
import type { SmtpReply, SmtpStage } from './smtp.js';
import { presetReplies as r } from './peer-replies.js';

export { defaultReplies, limitReplies, presetReplies } from './peer-replies.js';

/**
 * Checks a relay or receiver can make of its client: reverse DNS (`ptr`, `fcrdns`), the HELO
 * name (`helo-fqdn`, `helo-resolves`, `helo-ptr`), DNS blocklists, SPF and greylisting.
 */
export type CheckKind = 'ptr' | 'fcrdns' | 'helo-fqdn' | 'helo-resolves' | 'helo-ptr' | 'dnsbl' | 'spf' | 'greylist';

interface CheckBase {
  readonly reply: SmtpReply;
  readonly stage: SmtpStage;
}

/** A check of the client's address or HELO name against the zone. */
export interface IdentityCheckConfig extends CheckBase {
  readonly kind: 'ptr' | 'fcrdns' | 'helo-fqdn' | 'helo-resolves' | 'helo-ptr';
}

/** DNS blocklists: the client address listed on any of `lists` (or on every list the scenario has). */
export interface DnsblCheckConfig extends CheckBase {
  readonly kind: 'dnsbl';
  readonly lists: readonly string[] | 'all';
}

/** SPF of the MAIL FROM domain for the client address: results in `reject` get `reply`. */
export interface SpfCheckConfig extends CheckBase {
  readonly kind: 'spf';
  readonly reject: readonly SpfResult[];
  /** The answer when a DNS lookup timed out (temperror); always temporary. */
  readonly temperrorReply: SmtpReply;
}

/** Greylisting as postgrey does it; always evaluated per recipient at RCPT. */
export interface GreylistCheckConfig extends CheckBase {
  readonly kind: 'greylist';
  /** How long a new triplet is refused, ms (postgrey --delay, 300 s). */
  readonly delayMs: number;
  /** How long after the first try a retry still counts, ms (postgrey --retry-window, 2 d). */
  readonly retryWindowMs: number;
  /** Key by the client's /24 (IPv4) or /64 (IPv6) rather than its address (postgrey's default). */
  readonly bySubnet: boolean;
  /** Clients that passed this many times skip greylisting (postgrey --auto-whitelist-clients, 5); 0 never. */
  readonly autoWhitelistAfter: number;
}

/** A configured check: what it answers on failure, and when. */
export type CheckConfig = IdentityCheckConfig | DnsblCheckConfig | SpfCheckConfig | GreylistCheckConfig;

/** What a limiter counts apart, and what it counts. */
export interface PeerLimitConfig extends LimitConfig {
  /** `account` is the SMTP AUTH account (the source address for clients without one). */
  readonly scope: 'source' | 'sender' | 'account' | 'global';
  readonly count: 'messages' | 'connections' | 'recipients';
  readonly reply: SmtpReply;
  readonly stage: SmtpStage;
}

/** How one relay or receiver behaves. */
export interface PeerPolicy {
  readonly name: string;
  readonly checks: readonly CheckConfig[];
  readonly limits: readonly PeerLimitConfig[];
  /** Client networks allowed to relay; undefined means anyone (a receiver for its own domains). */
  readonly relayFor?: readonly string[];
}

const hour = 3_600_000;

/** postgrey's defaults: delay 300 s, retry window 2 days, by /24, auto-whitelist after 5. */
export const postgreyDefaults: GreylistCheckConfig = {
  kind: 'greylist', ...r.greylist, delayMs: 300_000, retryWindowMs: 48 * hour, bySubnet: true, autoWhitelistAfter: 5,
};

/** policyd-spf's defaults as a Postfix policy service: reject SPF fail at RCPT, defer temperror. */
export const policydSpfDefaults: SpfCheckConfig = { kind: 'spf', ...r.spf, reject: ['fail'], temperrorReply: r.spfTemperror.reply };

/**
 * Built-in receiver policies, with their sources in docs/model.md:
 * - `postfix-default`: Postfix as shipped, no client restrictions;
 * - `postfix-strict`: reverse DNS, FCrDNS, every blocklist of the scenario, then the HELO name,
 *   all at RCPT (smtpd_delay_reject);
 * - `gmail`: PTR/FCrDNS 550 5.7.25 and SPF fail 550 5.7.26 after the data, a rate limit 421 4.7.28;
 * - `microsoft`: blocklisted clients 550 5.7.1 at MAIL FROM;
 * - `yahoo`: 421 4.7.0 [TS01] at the greeting once a client sends too fast, for hours; blocklisted
 *   clients 553 5.7.1 [BL21] at the greeting.
 */
export const receiverPresets: Readonly<Record<string, PeerPolicy>> = {
  'postfix-default': { name: 'postfix-default', checks: [], limits: [] },
  'postfix-strict': {
    name: 'postfix-strict',
    checks: [
      { kind: 'ptr', ...r.ptr },
      { kind: 'fcrdns', ...r.fcrdns },
      { kind: 'dnsbl', lists: 'all', ...r.dnsbl },
      { kind: 'helo-fqdn', ...r.heloFqdn },
      { kind: 'helo-resolves', ...r.heloResolves },
    ],
    limits: [],
  },
  gmail: {
    name: 'gmail',
    checks: [
      { kind: 'ptr', ...r.gmailIdentity },
      { kind: 'fcrdns', ...r.gmailIdentity },
      { kind: 'spf', ...r.gmailSpf, reject: ['fail'], temperrorReply: r.gmailSpfTemperror.reply },
    ],
    limits: [{ max: 3600, perMs: hour, window: 'sliding', scope: 'source', count: 'messages', ...r.gmailRate }],
  },
  microsoft: { name: 'microsoft', checks: [{ kind: 'dnsbl', lists: 'all', ...r.microsoftDnsbl }], limits: [] },
  yahoo: {
    name: 'yahoo',
    checks: [{ kind: 'dnsbl', lists: 'all', ...r.yahooDnsbl }],
    limits: [{ max: 20, perMs: hour, window: 'fixed', blockMs: 4 * hour, scope: 'source', count: 'connections', ...r.yahooDeferral }],
  },
};

/** Names of the built-in receiver policies. */
export const receiverPresetNames = Object.keys(receiverPresets);
