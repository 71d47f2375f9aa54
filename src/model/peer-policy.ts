import type { LimitConfig } from './rate-limiter.js';
import type { SmtpReply, SmtpStage } from './smtp.js';

/** Identity checks a relay or receiver can make of its client. */
export type CheckKind = 'ptr' | 'fcrdns';

/** A configured check: what it answers on failure, and when. */
export interface CheckConfig {
  readonly kind: CheckKind;
  readonly reply: SmtpReply;
  readonly stage: SmtpStage;
}

/** What a limiter counts apart, and what it counts. */
export interface PeerLimitConfig extends LimitConfig {
  readonly scope: 'source' | 'sender' | 'global';
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

/** Default replies, worded as Postfix words them (smtpd_check.c, anvil). `{ip}` is the client address. */
export const defaultReplies = {
  ptr: {
    reply: { code: 450, enhanced: '4.7.1', text: 'Client host rejected: cannot find your reverse hostname, [{ip}]' },
    stage: 'RCPT',
  },
  fcrdns: {
    reply: { code: 450, enhanced: '4.7.25', text: 'Client host rejected: cannot find your hostname, [{ip}]' },
    stage: 'RCPT',
  },
  relayDenied: {
    reply: { code: 554, enhanced: '5.7.1', text: '<{rcpt}>: Relay access denied' },
    stage: 'RCPT',
  },
  messages: { reply: { code: 450, enhanced: '4.7.1', text: 'Error: too much mail from {ip}' }, stage: 'MAIL' },
  connections: {
    reply: { code: 421, enhanced: '4.7.0', text: '{host} Error: too many connections from {ip}' },
    stage: 'CONNECT',
  },
  recipients: { reply: { code: 450, enhanced: '4.7.1', text: 'Error: too many recipients from {ip}' }, stage: 'RCPT' },
  accepted: { reply: { code: 250, enhanced: '2.0.0', text: 'Ok: queued' }, stage: 'END-OF-DATA' },
} as const satisfies Record<string, { reply: SmtpReply; stage: SmtpStage }>;

const gmailIdentity: SmtpReply = {
  code: 550,
  enhanced: '5.7.25',
  text: 'The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not match the sending IP.',
};

/**
 * Built-in receiver policies, with their sources in docs/model.md:
 * - `postfix-default`: Postfix as shipped, no client identity restrictions;
 * - `postfix-strict`: reject_unknown_reverse_client_hostname and reject_unknown_client_hostname,
 *   both at RCPT (smtpd_delay_reject);
 * - `gmail`: PTR and FCrDNS failures as 550 5.7.25 after the data.
 */
export const receiverPresets: Readonly<Record<string, PeerPolicy>> = {
  'postfix-default': { name: 'postfix-default', checks: [], limits: [] },
  'postfix-strict': {
    name: 'postfix-strict',
    checks: [
      { kind: 'ptr', ...defaultReplies.ptr },
      { kind: 'fcrdns', ...defaultReplies.fcrdns },
    ],
    limits: [],
  },
  gmail: {
    name: 'gmail',
    checks: [
      { kind: 'ptr', reply: gmailIdentity, stage: 'END-OF-DATA' },
      { kind: 'fcrdns', reply: gmailIdentity, stage: 'END-OF-DATA' },
    ],
    limits: [],
  },
};

/** Names of the built-in receiver policies. */
export const receiverPresetNames = Object.keys(receiverPresets);
