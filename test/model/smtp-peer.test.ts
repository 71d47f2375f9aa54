import { describe, expect, it } from 'vitest';
import { DnsZone } from '../../src/model/dns-zone.js';
import { CheckContext } from '../../src/model/checks/context.js';
import { defaultReplies, receiverPresets, type PeerLimitConfig } from '../../src/model/peer-policy.js';
import { SmtpPeer } from '../../src/model/smtp-peer.js';

const zone = new DnsZone([
  ['203.0.113.10', { PTR: ['mail.example.com'] }],
  ['mail.example.com', { A: ['203.0.113.10'] }],
]);
const identity = new CheckContext(zone);
const session = (sourceAddress: string, nowMs = 0) => ({ sourceAddress, helo: 'mail.example.com', sender: 'a@example.com', recipients: ['b@example.org'], nowMs });
const relayLimit: PeerLimitConfig = { max: 2, perMs: 600_000, window: 'fixed', blockMs: 1_200_000, scope: 'source', count: 'messages', reply: { code: 421, enhanced: null, text: 'message rejected' }, stage: 'MAIL' };

describe('SmtpPeer', () => {
  it('accepts at END-OF-DATA when every check passes', () => {
    const peer = new SmtpPeer(receiverPresets['postfix-strict']!, 'mx.example.org', identity);
    const result = peer.converse(session('203.0.113.10'));
    expect(result.reply).toMatchObject({ code: 250, stage: 'END-OF-DATA' });
    expect(result.reason).toBe('accepted');
    expect(result.checks.map((c) => `${c.check}:${c.result}`)).toEqual(['ptr:pass', 'fcrdns:pass', 'helo-fqdn:pass', 'helo-resolves:pass']);
  });

  it('strict Postfix refuses an address without PTR at RCPT with 450 4.7.1, naming the address', () => {
    const peer = new SmtpPeer(receiverPresets['postfix-strict']!, 'mx.example.org', identity);
    const result = peer.converse(session('198.51.100.20'));
    expect(result.reply).toEqual({ code: 450, enhanced: '4.7.1', text: 'Client host rejected: cannot find your reverse hostname, [198.51.100.20]', stage: 'RCPT' });
    expect(result.reason).toBe('no-ptr');
  });

  it('Gmail refuses after the data with 550 5.7.25', () => {
    const result = new SmtpPeer(receiverPresets['gmail']!, 'gmail-smtp-in.l.google.com', identity).converse(session('198.51.100.20'));
    expect(result.reply).toMatchObject({ code: 550, enhanced: '5.7.25', stage: 'END-OF-DATA' });
  });

  it('a relay refuses non-customers at RCPT and rate-limits customers at MAIL, then blocks', () => {
    const relay = new SmtpPeer({ name: 'relay', checks: [], limits: [relayLimit], relayFor: ['203.0.113.10'] }, 'mail.bigpond.com', identity);
    expect(relay.converse(session('198.51.100.20')).reply).toMatchObject({ ...defaultReplies.relayDenied.reply, text: '<b@example.org>: Relay access denied' });
    expect(relay.converse(session('203.0.113.10', 1)).reason).toBe('accepted');
    expect(relay.converse(session('203.0.113.10', 2)).reason).toBe('accepted');
    const third = relay.converse(session('203.0.113.10', 3));
    expect(third).toMatchObject({ reason: 'rate-limited', reply: { code: 421, text: 'message rejected', stage: 'MAIL' } });
    expect(relay.converse(session('203.0.113.10', 1_000_000)).reason).toBe('rate-limited');
    expect(relay.converse(session('203.0.113.10', 1_200_004)).reason).toBe('accepted');
  });

  it('does not count a limit at a stage the session never reaches', () => {
    const early = { kind: 'ptr' as const, reply: defaultReplies.ptr.reply, stage: 'CONNECT' as const };
    const peer = new SmtpPeer({ name: 'p', checks: [early], limits: [{ ...relayLimit, max: 1 }] }, 'mx', identity);
    for (let i = 0; i < 5; i++) expect(peer.converse(session('198.51.100.20', i)).reason).toBe('no-ptr');
    expect(peer.rateLimiters[0]!.limiter.states(5)).toEqual([]);
  });

  it('peers of one policy share what they remember, unless a reply names the host', () => {
    const context = new CheckContext(zone);
    const strict = receiverPresets['postfix-strict']!;
    const a = new SmtpPeer(strict, 'mx.a.example', context).converse(session('198.51.100.20'));
    expect(Object.is(new SmtpPeer(strict, 'mx.b.example', context).converse(session('198.51.100.20')), a)).toBe(true);
    const naming = { ...strict, name: 'names-host', checks: strict.checks.map((check) => ({ ...check, reply: { ...check.reply, text: '{host} says no to [{ip}]' } })) };
    const texts = ['mx.a.example', 'mx.b.example'].map((host) => new SmtpPeer(naming, host, context).converse(session('198.51.100.20')).reply.text);
    expect(texts).toEqual(['mx.a.example says no to [198.51.100.20]', 'mx.b.example says no to [198.51.100.20]']);
  });

  it('a rate-limited policy words a refusal once per session key, and still names each recipient where asked', () => {
    const context = new CheckContext(zone);
    const gmail = receiverPresets['gmail']!;
    const [a, b] = ['mx.a.example', 'mx.b.example'].map((host) => new SmtpPeer(gmail, host, context).converse(session('198.51.100.20')));
    expect(a!.reply.code).toBe(550);
    expect(Object.is(a!.reply, b!.reply)).toBe(true);
    const relay = new SmtpPeer({ name: 'relay', checks: [], limits: [], relayFor: ['203.0.113.10'] }, 'mail.bigpond.com', context);
    const texts = ['x@one.example', 'y@two.example'].map((rcpt) => relay.converse({ ...session('198.51.100.20'), recipients: [rcpt] }).reply.text);
    expect(texts).toEqual(['<x@one.example>: Relay access denied', '<y@two.example>: Relay access denied']);
  });

  it('a rate-limited peer gives equal answers as one object, and a different answer as another', () => {
    const context = new CheckContext(zone);
    const peer = new SmtpPeer({ name: 'limited', checks: [], limits: [relayLimit] }, 'mx.limited.example', context);
    const [first, second, third] = [1, 2, 3].map((nowMs) => peer.converse(session('203.0.113.10', nowMs)));
    expect(first!.reason).toBe('accepted');
    expect(Object.is(first, second)).toBe(true);
    expect(third!.reason).toBe('rate-limited');
    expect(Object.is(peer.converse(session('203.0.113.10', 4)), third)).toBe(true);
  });
});
