import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../../src/model/checks/context.js';
import { DnsZone } from '../../../src/model/dns-zone.js';
import { receiverPresets, type PeerPolicy } from '../../../src/model/peer-policy.js';
import { SmtpPeer, type SmtpSession } from '../../../src/model/smtp-peer.js';

const zone = new DnsZone([
  ['example.com', { TXT: ['v=spf1 ip4:203.0.113.10 -all'] }],
  ['broken.example', { TXT: ['v=spf1 include:slow.example -all'] }],
  ['slow.example', { timeout: true }],
  ['mail.example.com', { A: ['203.0.113.10'] }],
  ['203.0.113.10', { PTR: ['mail.example.com'] }],
  ['198.51.100.20', { PTR: ['20.100.51.198.dyn.cable.example'] }],
  ['20.100.51.198.dyn.cable.example', { A: ['198.51.100.20'] }],
]);
const context = new CheckContext(zone, [{ name: 'pbl.example.org', networks: ['198.51.100.0/24'] }]);
const session = (sourceAddress: string, more: Partial<SmtpSession> = {}): SmtpSession => ({
  sourceAddress, helo: 'mail.example.com', sender: 'a@example.com', recipients: ['b@example.org'], nowMs: 0, ...more,
});
const peer = (policy: PeerPolicy | string) => new SmtpPeer(typeof policy === 'string' ? receiverPresets[policy]! : policy, 'mx.example.org', context);

describe('receiver presets: reply, stage and reason of each check', () => {
  it('postfix-strict: a blocklisted client gets 554 5.7.1 at RCPT naming the list', () => {
    const result = peer('postfix-strict').converse(session('198.51.100.20'));
    expect(result).toMatchObject({ reason: 'dnsbl-listed', reply: { code: 554, enhanced: '5.7.1', text: 'Service unavailable; Client host [198.51.100.20] blocked using pbl.example.org', stage: 'RCPT' } });
  });

  it('postfix-strict: a HELO that is not fully qualified gets 504 5.5.2, one that does not resolve 450 4.7.1', () => {
    expect(peer('postfix-strict').converse(session('203.0.113.10', { helo: 'exchange' }))).toMatchObject({ reason: 'helo-invalid', reply: { code: 504, enhanced: '5.5.2', stage: 'RCPT' } });
    expect(peer('postfix-strict').converse(session('203.0.113.10', { helo: 'nowhere.example.com' }))).toMatchObject({ reason: 'helo-unknown', reply: { code: 450, enhanced: '4.7.1', text: '<nowhere.example.com>: Helo command rejected: Host not found' } });
  });

  it('microsoft: a blocklisted client gets 550 5.7.1 at MAIL', () => {
    expect(peer('microsoft').converse(session('198.51.100.20'))).toMatchObject({ reason: 'dnsbl-listed', reply: { code: 550, enhanced: '5.7.1', stage: 'MAIL' } });
    expect(peer('microsoft').converse(session('203.0.113.10')).reason).toBe('accepted');
  });

  it('gmail: SPF fail gets 550 5.7.26 after the data; a temperror 421 4.7.26', () => {
    const gmail = peer('gmail');
    const failed = gmail.converse(session('198.51.100.20', { nowMs: 1 }));
    expect(failed).toMatchObject({ reason: 'spf-fail', reply: { code: 550, enhanced: '5.7.26', stage: 'END-OF-DATA' } });
    expect(failed.reply.text).toContain('SPF [example.com] with ip: [198.51.100.20] = did not pass');
    expect(gmail.converse(session('203.0.113.10', { sender: 'a@broken.example', nowMs: 2 }))).toMatchObject({ reason: 'spf-temperror', reply: { code: 421, enhanced: '4.7.26' } });
    expect(gmail.converse(session('203.0.113.10', { nowMs: 3 })).reason).toBe('accepted');
  });

  it('gmail: too much mail from one address gets 421 4.7.28 after the data', () => {
    const gmail = peer('gmail');
    const limit = receiverPresets['gmail']!.limits[0]!;
    for (let i = 0; i < limit.max; i++) expect(gmail.converse(session('203.0.113.10', { nowMs: i })).reason).toBe('accepted');
    expect(gmail.converse(session('203.0.113.10', { nowMs: limit.max }))).toMatchObject({ reason: 'rate-limited', reply: { code: 421, enhanced: '4.7.28', stage: 'END-OF-DATA' } });
  });

  it('yahoo: past its connection rate, 421 4.7.0 [TS01] at the greeting, for hours', () => {
    const yahoo = peer('yahoo');
    const limit = receiverPresets['yahoo']!.limits[0]!;
    for (let i = 0; i < limit.max; i++) yahoo.converse(session('203.0.113.10', { nowMs: i }));
    const refused = yahoo.converse(session('203.0.113.10', { nowMs: 100 }));
    expect(refused).toMatchObject({ reason: 'rate-limited', reply: { code: 421, enhanced: '4.7.0', stage: 'CONNECT' } });
    expect(refused.reply.text).toMatch(/^\[TS01\] Messages from 203\.0\.113\.10 temporarily deferred/);
    expect(yahoo.converse(session('203.0.113.10', { nowMs: 3 * 3_600_000 })).reason).toBe('rate-limited');
    expect(yahoo.converse(session('203.0.113.10', { nowMs: 5 * 3_600_000 })).reason).toBe('accepted');
    expect(yahoo.converse(session('198.51.100.20', { nowMs: 0 }))).toMatchObject({ reason: 'dnsbl-listed', reply: { code: 553, stage: 'CONNECT' } });
  });

  it('helo-ptr: a HELO that is not the PTR name is refused', () => {
    const policy: PeerPolicy = { name: 'p', checks: [{ kind: 'helo-ptr', reply: { code: 550, enhanced: '5.7.1', text: 'no' }, stage: 'HELO' }], limits: [] };
    expect(peer(policy).converse(session('198.51.100.20')).reason).toBe('helo-mismatch');
    expect(peer(policy).converse(session('203.0.113.10')).reason).toBe('accepted');
  });
});

describe('per-recipient answers at RCPT', () => {
  const greylisting: PeerPolicy = {
    name: 'grey',
    checks: [{ kind: 'greylist', reply: { code: 450, enhanced: '4.2.0', text: '<{rcpt}>: Recipient address rejected: Greylisted' }, stage: 'RCPT', delayMs: 300_000, retryWindowMs: 86_400_000, bySubnet: true, autoWhitelistAfter: 0 }],
    limits: [],
  };

  it('greylisting answers each recipient: a passed triplet goes through while a new one is deferred', () => {
    const grey = peer(greylisting);
    grey.converse(session('203.0.113.10', { recipients: ['old@example.org'] }));
    const result = grey.converse(session('203.0.113.10', { recipients: ['old@example.org', 'new@example.org'], nowMs: 400_000 }));
    expect(result.reason).toBe('accepted');
    expect(result.refused).toEqual([expect.objectContaining({ recipient: 'new@example.org', reason: 'greylisted', reply: expect.objectContaining({ code: 450, text: '<new@example.org>: Recipient address rejected: Greylisted' }) })]);
  });

  it('when every recipient is refused the session ends at RCPT, each with its own reply', () => {
    const result = peer(greylisting).converse(session('203.0.113.10', { recipients: ['x@example.org', 'y@example.org'] }));
    expect(result).toMatchObject({ reason: 'greylisted', reply: { stage: 'RCPT', text: '<x@example.org>: Recipient address rejected: Greylisted' } });
    expect(result.refused?.map((r) => r.recipient)).toEqual(['y@example.org']);
  });

  it('a recipient rate limit at RCPT refuses the recipients over the limit only (Postfix 450 4.7.1)', () => {
    const policy: PeerPolicy = { name: 'r', checks: [], limits: [{ max: 2, perMs: 60_000, window: 'fixed', scope: 'source', count: 'recipients', reply: { code: 450, enhanced: '4.7.1', text: 'Error: too many recipients from {ip}' }, stage: 'RCPT' }] };
    const result = peer(policy).converse(session('203.0.113.10', { recipients: ['a@x.example', 'b@x.example', 'c@x.example'] }));
    expect(result.reason).toBe('accepted');
    expect(result.refused?.map((r) => `${r.recipient} ${r.reply.code} ${r.reply.text}`)).toEqual(['c@x.example 450 Error: too many recipients from 203.0.113.10']);
  });
});

describe('remembered sessions', () => {
  it('a reply that names the recipient names the right one in every session', () => {
    const policy: PeerPolicy = { name: 'spf', checks: [{ kind: 'spf', reply: { code: 550, enhanced: '5.7.23', text: '<{rcpt}>: SPF {spf}' }, stage: 'RCPT', reject: ['fail'], temperrorReply: { code: 451, enhanced: '4.7.24', text: 'later' } }], limits: [] };
    const spf = peer(policy);
    expect(spf.converse(session('198.51.100.20', { recipients: ['one@example.org'] })).reply.text).toBe('<one@example.org>: SPF fail');
    expect(spf.converse(session('198.51.100.20', { recipients: ['two@example.org'] })).reply.text).toBe('<two@example.org>: SPF fail');
  });
});
