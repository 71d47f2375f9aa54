import type { SmtpReply, SmtpStage } from './smtp.js';

/** A reply and the stage it is given at. */
export interface ReplyAtStage {
  readonly reply: SmtpReply;
  readonly stage: SmtpStage;
}

const at = (stage: SmtpStage, code: number, enhanced: string, text: string): ReplyAtStage => ({ reply: { code, enhanced, text }, stage });

/**
 * Replies worded as Postfix words them (smtpd_check.c, smtpd.c for anvil). Placeholders: `{ip}`
 * the client address, `{host}` the server's name, `{rcpt}` the recipient, `{helo}` the HELO
 * name, `{list}` the blocklist, `{domain}` the MAIL FROM domain, `{spf}` the SPF result.
 */
export const defaultReplies = {
  ptr: at('RCPT', 450, '4.7.1', 'Client host rejected: cannot find your reverse hostname, [{ip}]'),
  fcrdns: at('RCPT', 450, '4.7.25', 'Client host rejected: cannot find your hostname, [{ip}]'),
  relayDenied: at('RCPT', 554, '5.7.1', '<{rcpt}>: Relay access denied'),
  messages: at('MAIL', 450, '4.7.1', 'Error: too much mail from {ip}'),
  connections: at('CONNECT', 421, '4.7.0', '{host} Error: too many connections from {ip}'),
  recipients: at('RCPT', 450, '4.7.1', 'Error: too many recipients from {ip}'),
  accepted: at('END-OF-DATA', 250, '2.0.0', 'Ok: queued'),
} as const satisfies Record<string, ReplyAtStage>;

/** Postfix's limit replies by what a limit counts: the `postfix` limit preset. */
export const limitReplies: Readonly<Record<'messages' | 'connections' | 'recipients', ReplyAtStage>> = {
  messages: defaultReplies.messages,
  connections: defaultReplies.connections,
  recipients: defaultReplies.recipients,
};

const gmailHelp = 'https://support.google.com/mail/answer/81126';

/** Replies of the checks and presets; sources in docs/model.md. */
export const presetReplies = {
  ptr: defaultReplies.ptr,
  fcrdns: defaultReplies.fcrdns,
  dnsbl: at('RCPT', 554, '5.7.1', 'Service unavailable; Client host [{ip}] blocked using {list}'),
  heloFqdn: at('RCPT', 504, '5.5.2', '<{helo}>: Helo command rejected: need fully-qualified hostname'),
  heloResolves: at('RCPT', 450, '4.7.1', '<{helo}>: Helo command rejected: Host not found'),
  heloPtr: at('RCPT', 550, '5.7.1', '<{helo}>: Helo command rejected: does not match your reverse hostname'),
  spf: at('RCPT', 550, '5.7.23', '<{rcpt}>: Recipient address rejected: Message rejected due to: SPF {spf} - not authorized for {domain} from [{ip}]'),
  spfTemperror: at('RCPT', 451, '4.7.24', '<{rcpt}>: Recipient address rejected: SPF temperror for {domain}: DNS timeout'),
  greylist: at('RCPT', 450, '4.2.0', '<{rcpt}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{rcptdomain}.html'),
  gmailIdentity: at(
    'END-OF-DATA', 550, '5.7.25',
    'The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not match the sending IP.',
  ),
  gmailSpf: at(
    'END-OF-DATA', 550, '5.7.26',
    `This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [{domain}] with ip: [{ip}] = did not pass ${gmailHelp}`,
  ),
  gmailSpfTemperror: at('END-OF-DATA', 421, '4.7.26', `This mail has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. ${gmailHelp}`),
  gmailRate: at(
    'END-OF-DATA', 421, '4.7.28',
    '[{ip}] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.',
  ),
  microsoftDnsbl: at('MAIL', 550, '5.7.1', 'Service unavailable, Client host [{ip}] blocked using {list}; To request removal from this list see https://sender.office.com'),
  yahooDeferral: at('CONNECT', 421, '4.7.0', '[TS01] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes'),
  yahooDnsbl: at('CONNECT', 553, '5.7.1', "[BL21] Connections will not be accepted from {ip}, because the ip is in {list}'s list; see https://postmaster.yahooinc.com/error-codes"),
} as const satisfies Record<string, ReplyAtStage>;
