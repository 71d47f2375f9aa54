import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseDirective, parseRecord } from '../../../src/model/spf/parse-record.js';
import type { Directive, SpfRecord } from '../../../src/model/spf/types.js';

function parsed(text: string): SpfRecord {
  const result = parseRecord(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason} at ${result.term}`);
  return result.record;
}

function directive(term: string): Directive {
  const result = parseDirective(term);
  if (typeof result === 'string') throw new Error(`${term}: ${result}`);
  return result;
}

describe('record selection', () => {
  it.each([
    ['v=spf1', true],
    ['v=spf1 -all', true],
    ['V=SpF1 ~all', true],
    ['v=spf10', false],
    ['v=spf1mx', false],
    ['v=spf1\t-all', false],
    [' v=spf1 -all', false],
    ['spf2.0/pra -all', false],
  ])('%j is an SPF record: %s', (text, expected) => {
    expect(isSpfRecord(text)).toBe(expected);
  });
});

describe('parseRecord', () => {
  it('reads directives in order, with qualifiers and defaults', () => {
    const record = parsed('v=spf1 a mx:example.com/24//64 ~ptr ?include:_spf.example.com -all');
    expect(record.directives.map((d) => [d.qualifier, d.mechanism.kind])).toEqual([
      ['+', 'a'],
      ['+', 'mx'],
      ['~', 'ptr'],
      ['?', 'include'],
      ['-', 'all'],
    ]);
    expect(record.directives[0]?.mechanism).toEqual({ kind: 'a', prefix4: 32, prefix6: 128 });
    expect(record.directives[1]?.mechanism).toMatchObject({ kind: 'mx', prefix4: 24, prefix6: 64 });
  });

  it('accepts repeated and trailing spaces', () => {
    expect(parsed('v=spf1  a   -all ').directives).toHaveLength(2);
  });

  it('keeps redirect= and exp=, and drops valid unknown modifiers', () => {
    const record = parsed('v=spf1 moo.cow-far_out=man:dog/cat default=+ exp=explain.%{d} redirect=_spf.example.com');
    expect(record.directives).toEqual([]);
    expect(record.redirect?.source).toBe('_spf.example.com');
    expect(record.exp?.source).toBe('explain.%{d}');
  });

  it.each([
    ['v=spf1 ip4:1.2.3.4 -all moo', 'moo'],
    ['v=spf1 redirect:example.com', 'redirect:example.com'],
    ['v=spf1 1up=foo', '1up=foo'],
    ['v=spf1 =all', '=all'],
    ['v=spf1 foo=%abc', 'foo=%abc'],
    ['v=spf1 exp= -all', 'exp='],
    ['v=spf1 exp=a.example.com exp=b.example.com', 'exp=b.example.com'],
    ['v=spf1 redirect=a.example.com redirect=a.example.com', 'redirect=a.example.com'],
    ['v=spf1 redirect=-all ?all', 'redirect=-all'],
    ['v=spf1 exp=%{r}.example.com', 'exp=%{r}.example.com'],
    ['v=spf1 a:ctrl.example.com\rptr -all', 'a:ctrl.example.com\rptr'],
    ['v=spf1 \u0080a:example.net -all', '\u0080a:example.net'],
  ])('rejects %j at %j', (text, term) => {
    expect(parseRecord(text)).toMatchObject({ ok: false, term });
  });
});

describe('parseDirective', () => {
  it.each([
    'all.', 'all:foo', 'all/8', 'include', 'include:', 'include:a.example.com/24', 'exists', 'exists:',
    'ptr/0', 'ptr:', 'a:', 'a/33', 'a//129', 'a/24/64', 'a:example.com:8080', 'a:111.222.33.44', 'mx:abc.123',
    'ip4', 'ip4:1.2.3', 'ip4:1.2.3.4/33', 'ip4:1.2.3.4/032', 'ip4:1.2.3.4//32', 'ip4:1.2.3.4:8080', 'ip4:01.2.3.4',
    'ip6', 'ip6::CAFE::BABE', 'ip6:::1/129', 'ip6:::1//33', 'ip6:fe80::1%eth0', 'ipv4:1.2.3.4', '-', '',
  ])('rejects %j', (term) => {
    expect(typeof parseDirective(term)).toBe('string');
  });

  it('takes the CIDR suffix from the end, so a domain may contain / and :', () => {
    expect(directive('a:foo:bar/baz.example.com').mechanism).toMatchObject({
      kind: 'a',
      target: { source: 'foo:bar/baz.example.com' },
      prefix4: 32,
      prefix6: 128,
    });
    expect(directive('mx:foo.example.com/24').mechanism).toMatchObject({ target: { source: 'foo.example.com' }, prefix4: 24 });
    expect(directive('a//0').mechanism).toMatchObject({ prefix4: 32, prefix6: 0 });
  });

  it('reads ip4 and ip6 networks with optional prefixes', () => {
    const ip4 = directive('-ip4:192.0.2.0/24');
    expect(ip4.qualifier).toBe('-');
    expect(ip4.mechanism).toMatchObject({ kind: 'ip4', prefix: 24 });
    expect(directive('ip6:Cafe:Babe:8000::/33').mechanism).toMatchObject({ kind: 'ip6', prefix: 33 });
    expect(directive('ip6:::ffff:1.2.3.4').mechanism).toMatchObject({ kind: 'ip6', prefix: 128 });
  });

  it('is case-insensitive in mechanism names and keeps the term text', () => {
    const parsedTerm = directive('~MX:Example.COM');
    expect(parsedTerm).toMatchObject({ qualifier: '~', text: '~MX:Example.COM', mechanism: { kind: 'mx' } });
  });
});
