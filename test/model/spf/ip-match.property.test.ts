import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DnsZone } from '../../../src/model/dns-zone.js';
import { checkMailFrom } from '../../../src/model/spf/index.js';

/** IPv4 addresses as unsigned 32-bit integers, so membership is checked independently of ipaddr.js. */
const address = fc.integer({ min: 0, max: 0xffff_ffff });
const prefixLength = fc.integer({ min: 0, max: 32 });

function text(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

function inPrefix(candidate: number, network: number, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (0xffff_ffff << (32 - prefix)) >>> 0;
  return ((candidate & mask) >>> 0) === ((network & mask) >>> 0);
}

function resultFor(zone: DnsZone, ip: number): string {
  return checkMailFrom(zone, { ip: text(ip), mailFrom: 'someone@example.com', helo: 'mail.example.com' }).result;
}

function policyZone(record: string, a: readonly string[] = []): DnsZone {
  return new DnsZone([
    ['example.com', { TXT: [record] }],
    ['host.example.com', { A: a }],
  ]);
}

describe('ip4 and a mechanisms (property)', () => {
  it('ip4:<addr> passes exactly that address and fails every other one', () => {
    fc.assert(
      fc.property(address, address, (listed, client) => {
        const zone = policyZone(`v=spf1 ip4:${text(listed)} -all`);
        expect(resultFor(zone, listed)).toBe('pass');
        expect(resultFor(zone, client)).toBe(client === listed ? 'pass' : 'fail');
      }),
    );
  });

  it('ip4:<network>/<n> passes the addresses inside and fails those outside', () => {
    fc.assert(
      fc.property(address, prefixLength, address, (network, prefix, client) => {
        const zone = policyZone(`v=spf1 ip4:${text(network)}/${prefix} -all`);
        expect(resultFor(zone, network)).toBe('pass');
        expect(resultFor(zone, client)).toBe(inPrefix(client, network, prefix) ? 'pass' : 'fail');
      }),
    );
  });

  it('an address just outside the prefix fails', () => {
    fc.assert(
      fc.property(address, fc.integer({ min: 1, max: 32 }), (network, prefix) => {
        const outside = (network ^ (1 << (32 - prefix))) >>> 0;
        const zone = policyZone(`v=spf1 ip4:${text(network)}/${prefix} -all`);
        expect(resultFor(zone, outside)).toBe('fail');
      }),
    );
  });

  it('a:<host> passes the host’s A records and fails other addresses', () => {
    fc.assert(
      fc.property(fc.uniqueArray(address, { minLength: 1, maxLength: 5 }), address, (records, client) => {
        const zone = policyZone('v=spf1 a:host.example.com -all', records.map(text));
        for (const record of records) expect(resultFor(zone, record)).toBe('pass');
        expect(resultFor(zone, client)).toBe(records.includes(client) ? 'pass' : 'fail');
      }),
    );
  });

  it('a:<host>/<n> passes addresses within n bits of an A record', () => {
    fc.assert(
      fc.property(address, prefixLength, address, (record, prefix, client) => {
        const zone = policyZone(`v=spf1 a:host.example.com/${prefix} -all`, [text(record)]);
        expect(resultFor(zone, client)).toBe(inPrefix(client, record, prefix) ? 'pass' : 'fail');
      }),
    );
  });

  it('the same address written as IPv4-mapped IPv6 gets the same result', () => {
    fc.assert(
      fc.property(address, address, (listed, client) => {
        const zone = policyZone(`v=spf1 ip4:${text(listed)} -all`);
        const mapped = checkMailFrom(zone, { ip: `::ffff:${text(client)}`, mailFrom: 'a@example.com', helo: 'h.example.com' });
        expect(mapped.result).toBe(resultFor(zone, client));
      }),
    );
  });
});
