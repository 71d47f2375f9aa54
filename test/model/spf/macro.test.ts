import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { parseClientAddress, dottedForm, readableForm } from '../../../src/model/spf/address.js';
import { expandExplanation, expandTokens, urlEscape } from '../../../src/model/spf/macro.js';
import type { MacroValues } from '../../../src/model/spf/macro.js';
import { parseDomainSpec, parseMacroString, termLetters } from '../../../src/model/spf/macro-syntax.js';

/** The RFC 7208 §7.4 example: sender strong-bad@email.example.com, PTR name mx.example.org. */
function rfcValues(ip: string): MacroValues {
  const client = parseClientAddress(ip);
  if (client === undefined) throw new Error(`bad test address ${ip}`);
  return {
    sender: 'strong-bad@email.example.com',
    localPart: 'strong-bad',
    senderDomain: 'email.example.com',
    domain: 'email.example.com',
    dottedIp: dottedForm(client),
    readableIp: readableForm(client),
    ipVersion: client.kind === 'ipv4' ? 'in-addr' : 'ip6',
    helo: 'mx.example.org',
    receiverName: 'receiver.example.net',
    nowSeconds: 1_200_000_000,
    validatedName: () => 'mx.example.org',
  };
}

function expand(spec: string, ip = '192.0.2.3'): string {
  const parsed = parseMacroString(spec, { letters: termLetters, allowSpace: false });
  if (parsed === undefined) throw new Error(`syntax error in ${spec}`);
  return expandTokens(parsed, rfcValues(ip));
}

describe('macro expansion, RFC 7208 §7.4 examples', () => {
  it.each([
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ])('%s → %s', (spec, expected) => {
    expect(expand(spec)).toBe(expected);
  });

  it('expands %{i} of an IPv6 address to dotted nibbles', () => {
    expect(expand('%{ir}.%{v}._spf.%{d2}', '2001:db8::cb01')).toBe(
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com',
    );
  });

  it('treats an IPv4-mapped IPv6 client as IPv4', () => {
    expect(expand('%{i}.%{v}', '::ffff:192.0.2.3')).toBe('192.0.2.3.in-addr');
  });

  it('expands the escapes %%, %_ and %-', () => {
    expect(expand('a%%b%_c%-d')).toBe('a%b c%20d');
  });

  it('URL-escapes upper-case macros, keeping only unreserved characters', () => {
    const values = { ...rfcValues('192.0.2.3'), localPart: "~jack&jill=up-a_b3.c!'()*" };
    const parsed = parseMacroString('%{L}', { letters: termLetters, allowSpace: false });
    expect(parsed && expandTokens(parsed, values)).toBe('~jack%26jill%3Dup-a_b3.c%21%27%28%29%2A');
    expect(urlEscape('é')).toBe('%C3%A9');
  });

  it('uses %{p}, and calls it only when the string asks for it', () => {
    let calls = 0;
    const values = { ...rfcValues('192.0.2.3'), validatedName: () => (calls++, 'mx.example.org') };
    expect(expandExplanation('plain text', values)).toBe('plain text');
    expect(calls).toBe(0);
    expect(expandExplanation('from %{p}', values)).toBe('from mx.example.org');
  });
});

describe('explanation strings', () => {
  it('allow spaces and the c, r, t letters', () => {
    expect(expandExplanation('%{c} rejected by %{r} at %{t}', rfcValues('2001:db8::cb01'))).toBe(
      '2001:db8::cb01 rejected by receiver.example.net at 1200000000',
    );
  });

  it.each(['The %{x}-files.', 'bad %', '100% sure', 'caf\u00e9', 'tab\there'])('reject %j', (text) => {
    expect(expandExplanation(text, rfcValues('192.0.2.3'))).toBeUndefined();
  });
});

describe('macro-string syntax', () => {
  it.each([
    '%(ir).sbl.example.com',
    'foo%.example.com',
    '%{a}.example.com',
    '%{d0}.example.com',
    '%{c}.example.com',
    '%{r}.example.com',
    '%{t}.example.com',
    'x\u0000.example.com',
  ])(
    'rejects %j as a domain-spec',
    (spec) => {
      expect(parseDomainSpec(spec)).toBeUndefined();
    },
  );

  const notDomainEnds = ['', 'museum', 'museum.', 'foo-bar', '111.222.33.44', 'abc.123', 'example.-com'];
  it.each([...notDomainEnds, 'example.com:8080', 'foo.example.com/24'])(
    'rejects %j: a domain-spec must end in a macro or a valid toplabel',
    (spec) => {
      expect(parseDomainSpec(spec)).toBeUndefined();
    },
  );

  const valid = ['example.com', 'example.com.', 'foo.example.xn--zckzah', 'foo:bar/baz.example.com'];
  it.each([...valid, '%{d}', '_spf.%{d2}', '%{H}.bar', 'a.123-45', 'x%%'])(
    'accepts %j',
    (spec) => {
      expect(parseDomainSpec(spec)?.source).toBe(spec);
    },
  );

  it('reads transformers and delimiters case-insensitively', () => {
    expect(parseMacroString('%{L2R+-}', { letters: termLetters, allowSpace: false })?.tokens).toEqual([
      { kind: 'macro', letter: 'l', escaped: true, keep: 2, reverse: true, delimiters: '+-' },
    ]);
  });
});

it('ipaddr formats IPv6 %{c} per RFC 5952', () => {
  expect(readableForm({ kind: 'ipv6', address: ipaddr.IPv6.parse('2001:DB8:0:0:0:0:0:1') })).toBe('2001:db8::1');
});
