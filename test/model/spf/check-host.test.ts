import { describe, expect, it } from 'vitest';
import { DnsZone } from '../../../src/model/dns-zone.js';
import type { ZoneEntry } from '../../../src/model/dns-zone.js';
import { checkHost, checkMailFrom } from '../../../src/model/spf/index.js';

function zone(entries: Record<string, ZoneEntry>): DnsZone {
  return new DnsZone(Object.entries(entries));
}

describe('checkMailFrom', () => {
  const policy = zone({
    'example.com': { TXT: ['v=spf1 -all exp=why.example.com'] },
    'why.example.com': { TXT: ['%{s} via %{h} for %{d}'] },
    'mail.example.com': { TXT: ['v=spf1 -all exp=why.example.com'] },
  });

  it('checks the domain of the MAIL FROM address', () => {
    const outcome = checkMailFrom(policy, { ip: '192.0.2.1', mailFrom: '<Jane@example.com>', helo: 'mail.example.com' });
    expect(outcome).toEqual({
      result: 'fail',
      mechanism: '-all',
      explanation: 'Jane@example.com via mail.example.com for example.com',
      lookups: 0,
    });
  });

  it('uses postmaster for an empty local-part', () => {
    const outcome = checkMailFrom(policy, { ip: '192.0.2.1', mailFrom: '@example.com', helo: 'mail.example.com' });
    expect(outcome.explanation).toBe('postmaster@example.com via mail.example.com for example.com');
  });

  it('checks postmaster@<helo> for a null reverse-path', () => {
    for (const mailFrom of ['', '<>']) {
      const outcome = checkMailFrom(policy, { ip: '192.0.2.1', mailFrom, helo: 'mail.example.com' });
      expect(outcome.explanation).toBe('postmaster@mail.example.com via mail.example.com for mail.example.com');
    }
  });
});

it('passes the DESIGN.md sketch: mail leaving through the ADSL link, and fails the cable one', () => {
  const sketch = zone({
    'example.com.au': { MX: [{ preference: 10, exchange: 'mail.example.com.au' }], TXT: ['v=spf1 mx -all'] },
    'mail.example.com.au': { A: ['203.0.113.10'] },
  });
  const from = { mailFrom: 'jo@example.com.au', helo: 'mail.example.com.au' };
  expect(checkMailFrom(sketch, { ...from, ip: '203.0.113.10' })).toEqual({ result: 'pass', mechanism: 'mx', lookups: 1 });
  expect(checkMailFrom(sketch, { ...from, ip: '198.51.100.20' })).toEqual({ result: 'fail', mechanism: '-all', lookups: 1 });
});

describe('checkHost', () => {
  const base = { sender: 'a@example.com', helo: 'mail.example.com' };

  it('returns none, without throwing, for an address that is not one', () => {
    expect(checkHost(zone({}), { ...base, ip: 'not-an-ip', domain: 'example.com' })).toEqual({ result: 'none', lookups: 0 });
  });

  it('passes %{r} and %{t} from the check into explanations', () => {
    const z = zone({
      'example.com': { TXT: ['v=spf1 -all exp=why.example.com'] },
      'why.example.com': { TXT: ['%{r} at %{t}'] },
    });
    const check = { ...base, ip: '192.0.2.1', domain: 'example.com' };
    const outcome = checkHost(z, { ...check, receiverName: 'mx.receiver.net', nowSeconds: 1_700_000_000 });
    expect(outcome.explanation).toBe('mx.receiver.net at 1700000000');
  });

  it('reports temperror for a timing-out A query, and which term raised it', () => {
    const z = zone({ 'example.com': { TXT: ['v=spf1 a:slow.example.com -all'] }, 'slow.example.com': { timeout: true } });
    expect(checkHost(z, { ...base, ip: '192.0.2.1', domain: 'example.com' })).toEqual({
      result: 'temperror',
      mechanism: 'a:slow.example.com',
      lookups: 1,
    });
  });

  it('counts lookups across include and redirect', () => {
    const z = zone({
      'example.com': { TXT: ['v=spf1 include:a.example.com redirect=b.example.com'] },
      'a.example.com': { TXT: ['v=spf1 a -all'], A: ['198.51.100.1'] },
      'b.example.com': { TXT: ['v=spf1 mx ~all'], MX: [{ preference: 10, exchange: 'mx.b.example.com' }] },
      'mx.b.example.com': { A: ['198.51.100.2'] },
    });
    const check = (ip: string) => checkHost(z, { ...base, ip, domain: 'example.com' });
    expect(check('198.51.100.2')).toEqual({ result: 'pass', mechanism: 'mx', lookups: 4 });
    expect(check('198.51.100.3')).toEqual({ result: 'softfail', mechanism: '~all', lookups: 4 });
  });

  it('matches a ptr only through forward-confirmed names', () => {
    const z = zone({
      'example.com': { TXT: ['v=spf1 ptr -all'] },
      '192.0.2.7': { PTR: ['liar.example.com', 'mail.example.com'] },
      'liar.example.com': { A: ['192.0.2.99'] },
      'mail.example.com': { A: ['192.0.2.7'] },
      '192.0.2.8': { PTR: ['liar.example.com'] },
    });
    expect(checkHost(z, { ...base, ip: '192.0.2.7', domain: 'example.com' }).result).toBe('pass');
    expect(checkHost(z, { ...base, ip: '192.0.2.8', domain: 'example.com' }).result).toBe('fail');
  });
});
