import { describe, expect, it } from 'vitest';
import { DnsZone } from '../../src/model/dns-zone.js';
import { IdentityResolver } from '../../src/model/identity.js';

describe('IdentityResolver (iprev, RFC 8601)', () => {
  const zone = new DnsZone([
    ['203.0.113.10', { PTR: ['mail.example.com'] }],
    ['mail.example.com', { A: ['203.0.113.10'] }],
    ['203.0.113.11', { PTR: ['liar.example.com'] }],
    ['liar.example.com', { A: ['203.0.113.99'] }],
    ['203.0.113.12', { timeout: true }],
  ]);
  const resolver = new IdentityResolver(zone);

  it('passes a PTR that resolves back', () => {
    expect(resolver.resolve('203.0.113.10')).toEqual({ ptrNames: ['mail.example.com'], iprev: 'pass', confirmedName: 'mail.example.com' });
  });
  it('fails a PTR that does not resolve back', () => {
    expect(resolver.resolve('203.0.113.11').iprev).toBe('fail');
  });
  it('is a permerror without PTR and a temperror on timeout', () => {
    expect(resolver.resolve('198.51.100.20').iprev).toBe('permerror');
    expect(resolver.resolve('203.0.113.12').iprev).toBe('temperror');
  });
});
