import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../../src/model/checks/context.js';
import { DnsZone } from '../../../src/model/dns-zone.js';
import { policydSpfDefaults } from '../../../src/model/peer-policy.js';
import { SmtpPeer } from '../../../src/model/smtp-peer.js';

const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.'));
const listing = fc.record({
  client: ipv4,
  others: fc.array(ipv4, { maxLength: 5 }),
  position: fc.nat(),
  how: fc.constantFrom('ip4', 'ip4-cidr', 'a', 'mx', 'include'),
  all: fc.constantFrom('-all', '~all', '?all'),
});

/** A zone where example.com's SPF lists `client` among others, by the mechanism `how`. */
function zoneListing(p: { client: string; others: string[]; position: number; how: string; all: string }): DnsZone {
  const addresses = [...p.others];
  addresses.splice(p.position % (addresses.length + 1), 0, p.client);
  const host = 'out.example.com';
  switch (p.how) {
    case 'ip4':
      return new DnsZone([['example.com', { TXT: [`v=spf1 ${addresses.map((a) => `ip4:${a}`).join(' ')} ${p.all}`] }]]);
    case 'ip4-cidr':
      return new DnsZone([['example.com', { TXT: [`v=spf1 ip4:${p.client.split('.').slice(0, 3).join('.')}.0/24 ${p.all}`] }]]);
    case 'a':
      return new DnsZone([['example.com', { TXT: [`v=spf1 a:${host} ${p.all}`] }], [host, { A: addresses }]]);
    case 'mx':
      return new DnsZone([['example.com', { TXT: [`v=spf1 mx ${p.all}`], MX: addresses.map((_, i) => ({ preference: i, exchange: `mx${i}.example.com` })) }], ...addresses.map((a, i): [string, { A: string[] }] => [`mx${i}.example.com`, { A: [a] }])]);
    default:
      return new DnsZone([['example.com', { TXT: [`v=spf1 include:_spf.example.net ${p.all}`] }], ['_spf.example.net', { TXT: [`v=spf1 ${addresses.map((a) => `ip4:${a}`).join(' ')} -all`] }]]);
  }
}

describe('property: an SPF record that lists an address passes it', () => {
  it('check_host gives pass, and a receiver checking SPF accepts the client', () => {
    fc.assert(
      fc.property(listing, (p) => {
        const context = new CheckContext(zoneListing(p));
        expect(context.spf.outcome(p.client, 'someone@example.com', 'mail.example.com').result).toBe('pass');
        const peer = new SmtpPeer({ name: 'spf', checks: [{ ...policydSpfDefaults, reject: ['fail', 'softfail', 'neutral', 'none', 'permerror'] }], limits: [] }, 'mx.example.org', context);
        const conversation = peer.converse({ sourceAddress: p.client, helo: 'mail.example.com', sender: 'someone@example.com', recipients: ['b@example.org'], nowMs: 0 });
        expect(conversation.reason).toBe('accepted');
        expect(conversation.checks).toContainEqual(expect.objectContaining({ check: 'spf', result: 'pass' }));
      }),
    );
  });

  it('and an address it does not list under -all fails, with reason spf-fail at RCPT', () => {
    fc.assert(
      fc.property(ipv4, ipv4, (listed, client) => {
        fc.pre(listed !== client);
        const context = new CheckContext(new DnsZone([['example.com', { TXT: [`v=spf1 ip4:${listed} -all`] }]]));
        const peer = new SmtpPeer({ name: 'spf', checks: [policydSpfDefaults], limits: [] }, 'mx.example.org', context);
        const conversation = peer.converse({ sourceAddress: client, helo: 'h.example.com', sender: 'a@example.com', recipients: ['b@example.org'], nowMs: 0 });
        expect(conversation).toMatchObject({ reason: 'spf-fail', reply: { code: 550, enhanced: '5.7.23', stage: 'RCPT' } });
      }),
    );
  });
});
