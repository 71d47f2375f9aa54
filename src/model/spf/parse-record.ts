import { parseIp4Network, parseIp6Network } from './address.js';
import { parseDomainSpec, parseMacroString, termLetters } from './macro-syntax.js';
import type { Directive, MacroString, Mechanism, Qualifier, SpfRecord } from './types.js';

/** A record, parsed: either the whole record is valid, or the first bad term and why. */
export type ParseResult =
  | { readonly ok: true; readonly record: SpfRecord }
  | { readonly ok: false; readonly term: string; readonly reason: string };

/** RFC 7208 §4.5: the version must be followed by a space or the end; `v=spf10` is not SPF. */
const versionTag = /^v=spf1(?: |$)/i;
const modifierTerm = /^([a-z][a-z0-9_.-]*)=(.*)$/is;

/** Whether a TXT string is an SPF version 1 record (case-insensitive, RFC 7208 §4.5). */
export function isSpfRecord(text: string): boolean {
  return versionTag.test(text);
}

/**
 * Parses a whole SPF record. Every term is checked before any is evaluated, so a syntax error
 * anywhere is a permerror even after a matching mechanism (RFC 7208 §4.6). Terms are separated by
 * spaces only: a tab, CR or LF stays inside a term and makes it invalid (§4.6.1).
 */
export function parseRecord(text: string): ParseResult {
  if (!isSpfRecord(text)) return { ok: false, term: text, reason: 'not a v=spf1 record' };
  const terms = text.slice('v=spf1'.length).split(' ').filter((term) => term !== '');
  const directives: Directive[] = [];
  const modifiers = new Map<string, MacroString>();
  for (const term of terms) {
    const error = addTerm(term, directives, modifiers);
    if (error !== undefined) return { ok: false, term, reason: error };
  }
  const redirect = modifiers.get('redirect');
  const exp = modifiers.get('exp');
  const record: SpfRecord = {
    directives,
    ...(redirect === undefined ? {} : { redirect }),
    ...(exp === undefined ? {} : { exp }),
  };
  return { ok: true, record };
}

/** Adds one term; returns a reason when it is invalid. */
function addTerm(
  term: string,
  directives: Directive[],
  modifiers: Map<string, MacroString>,
): string | undefined {
  const modifier = modifierTerm.exec(term);
  if (modifier === null) {
    const directive = parseDirective(term);
    if (typeof directive === 'string') return directive;
    directives.push(directive);
    return undefined;
  }
  const name = (modifier[1] ?? '').toLowerCase();
  const value = modifier[2] ?? '';
  if (name !== 'redirect' && name !== 'exp') {
    // Unknown modifiers are ignored, but only once their value is a valid macro-string (§6).
    return parseMacroString(value, { letters: termLetters, allowSpace: false }) === undefined
      ? 'bad macro-string in unknown modifier'
      : undefined;
  }
  if (modifiers.has(name)) return `${name}= appears twice`;
  const spec = parseDomainSpec(value);
  if (spec === undefined) return `bad domain-spec in ${name}=`;
  modifiers.set(name, spec);
  return undefined;
}

const qualifiers = new Set<string>(['+', '-', '~', '?']);

/** Parses `[qualifier] mechanism`; returns a reason string when it is invalid. */
export function parseDirective(term: string): Directive | string {
  const first = term.charAt(0);
  const qualifier = (qualifiers.has(first) ? first : '+') as Qualifier;
  const body = qualifiers.has(first) ? term.slice(1) : term;
  const nameEnd = body.search(/[:/]/);
  const name = (nameEnd < 0 ? body : body.slice(0, nameEnd)).toLowerCase();
  const rest = nameEnd < 0 ? '' : body.slice(nameEnd);
  const mechanism = parseMechanism(name, rest);
  return typeof mechanism === 'string' ? mechanism : { qualifier, mechanism, text: term };
}

function parseMechanism(name: string, rest: string): Mechanism | string {
  switch (name) {
    case 'all':
      return rest === '' ? { kind: 'all' } : 'all takes no argument';
    case 'include':
    case 'exists':
      return parseRequiredTarget(name, rest);
    case 'a':
    case 'mx':
      return parseAddressMechanism(name, rest);
    case 'ptr':
      return parsePtr(rest);
    case 'ip4':
    case 'ip6':
      return parseIpMechanism(name, rest);
    default:
      return `unknown mechanism '${name}'`;
  }
}

function parseRequiredTarget(kind: 'include' | 'exists', rest: string): Mechanism | string {
  const target = rest.startsWith(':') ? parseDomainSpec(rest.slice(1)) : undefined;
  return target === undefined ? `${kind} needs :domain-spec` : { kind, target };
}

function parsePtr(rest: string): Mechanism | string {
  if (rest === '') return { kind: 'ptr' };
  const target = rest.startsWith(':') ? parseDomainSpec(rest.slice(1)) : undefined;
  return target === undefined ? 'bad ptr argument' : { kind: 'ptr', target };
}

const dualCidr = /^(?:\/(\d+))?(?:\/\/(\d+))?$/;
const targetThenCidr = /^(.*?)((?:\/\d+)?(?:\/\/\d+)?)$/s;

/** `a` and `mx`: `[":" domain-spec] [ip4-cidr-length] ["/" ip6-cidr-length]` (RFC 7208 §5.3, §5.4). */
function parseAddressMechanism(kind: 'a' | 'mx', rest: string): Mechanism | string {
  let target: MacroString | undefined;
  let cidr = rest;
  if (rest.startsWith(':')) {
    // The CIDR suffix is taken greedily from the end, so `a:foo:bar/baz.example.com` keeps its `/`.
    const split = targetThenCidr.exec(rest.slice(1));
    target = parseDomainSpec(split?.[1] ?? '');
    if (target === undefined) return `bad domain-spec in ${kind}`;
    cidr = split?.[2] ?? '';
  }
  const lengths = dualCidr.exec(cidr);
  if (lengths === null) return `bad CIDR length in ${kind}`;
  const prefix4 = prefixLength(lengths[1], 32);
  const prefix6 = prefixLength(lengths[2], 128);
  if (prefix4 === undefined || prefix6 === undefined) return `bad CIDR length in ${kind}`;
  return { kind, prefix4, prefix6, ...(target === undefined ? {} : { target }) };
}

/** `ip4:` and `ip6:` take one network and one optional prefix length (RFC 7208 §5.6). */
function parseIpMechanism(kind: 'ip4' | 'ip6', rest: string): Mechanism | string {
  const parts = /^:([^/]*)(?:\/(\d+))?$/.exec(rest);
  if (parts === null) return `${kind} needs :network[/length]`;
  const prefix = prefixLength(parts[2], kind === 'ip4' ? 32 : 128);
  if (prefix === undefined) return `bad CIDR length in ${kind}`;
  const text = parts[1] ?? '';
  if (kind === 'ip4') {
    const network = parseIp4Network(text);
    return network === undefined ? 'bad ip4 network' : { kind, network, prefix };
  }
  const network = parseIp6Network(text);
  return network === undefined ? 'bad ip6 network' : { kind, network, prefix };
}

/** A prefix length, or the maximum when absent; undefined when too long or written with a leading zero. */
function prefixLength(digits: string | undefined, max: number): number | undefined {
  if (digits === undefined) return max;
  if (!/^(?:0|[1-9][0-9]*)$/.test(digits)) return undefined;
  const value = Number(digits);
  return value <= max ? value : undefined;
}
