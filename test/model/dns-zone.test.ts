import { describe, expect, it } from 'vitest';
import { DnsZone, reverseName } from '../../src/model/dns-zone.js';

describe('DnsZone', () => {
  const zone = new DnsZone([
    ['Example.COM.', { MX: [{ preference: 10, exchange: 'mail.example.com' }], TXT: ['v=spf1 mx -all'] }],
    ['mail.example.com', { A: ['203.0.113.10'] }],
    ['203.0.113.10', { PTR: ['mail.example.com'] }],
    ['www.example.com', { CNAME: 'mail.example.com' }],
    ['slow.example.com', { timeout: true }],
  ]);

  it('answers case-insensitively, with or without the trailing dot', () => {
    expect(zone.lookup('EXAMPLE.com', 'MX')).toEqual({ status: 'ok', records: [{ preference: 10, exchange: 'mail.example.com' }] });
  });

  it('tells nodata from nxdomain', () => {
    expect(zone.lookup('example.com', 'A').status).toBe('nodata');
    expect(zone.lookup('nowhere.example', 'A').status).toBe('nxdomain');
  });

  it('stores PTRs written under an address at its reverse name', () => {
    expect(reverseName('203.0.113.10')).toBe('10.113.0.203.in-addr.arpa');
    expect(zone.lookupPtr('203.0.113.10')).toEqual({ status: 'ok', records: ['mail.example.com'] });
    expect(zone.lookupPtr('198.51.100.20').status).toBe('nxdomain');
  });

  it('follows CNAMEs and times out where told to', () => {
    expect(zone.lookup('www.example.com', 'A')).toEqual({ status: 'ok', records: ['203.0.113.10'] });
    expect(zone.lookup('slow.example.com', 'TXT').status).toBe('timeout');
  });
});
