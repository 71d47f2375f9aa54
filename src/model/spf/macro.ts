import type { MacroString, MacroToken } from './types.js';
import { explainLetters, parseMacroString } from './macro-syntax.js';

/**
 * The values macros expand to (RFC 7208 §7.3). `validatedName` is a function because `%{p}`
 * costs DNS queries, which are made only if a record actually uses it.
 */
export interface MacroValues {
  /** `%{s}`: the sender, `local@domain`, with `postmaster` for an empty local-part. */
  readonly sender: string;
  /** `%{l}`. */
  readonly localPart: string;
  /** `%{o}`. */
  readonly senderDomain: string;
  /** `%{d}`: the domain whose record is being evaluated. */
  readonly domain: string;
  /** `%{i}`: dotted quad, or 32 dot-separated nibbles for IPv6. */
  readonly dottedIp: string;
  /** `%{c}`: dotted quad, or the RFC 5952 text of an IPv6 address. */
  readonly readableIp: string;
  /** `%{v}`: `in-addr` or `ip6`. */
  readonly ipVersion: 'in-addr' | 'ip6';
  /** `%{h}`. */
  readonly helo: string;
  /** `%{r}`. */
  readonly receiverName: string;
  /** `%{t}`, seconds since the Unix epoch. */
  readonly nowSeconds: number;
  /** `%{p}`: a validated name of the client address, or `unknown`. */
  readonly validatedName: () => string;
}

/** Expands parsed tokens into text. Total: every token yields a string. */
export function expandTokens(parsed: MacroString, values: MacroValues): string {
  return parsed.tokens.map((token) => expandToken(token, values)).join('');
}

/**
 * Parses and expands an explain-string (the TXT record an `exp=` points at; RFC 7208 §6.2),
 * where spaces and the c, r, t letters are allowed. Undefined when the text has a syntax error,
 * in which case the caller proceeds as if there were no `exp=`.
 */
export function expandExplanation(text: string, values: MacroValues): string | undefined {
  const parsed = parseMacroString(text, { letters: explainLetters, allowSpace: true });
  return parsed === undefined ? undefined : expandTokens(parsed, values);
}

function expandToken(token: MacroToken, values: MacroValues): string {
  if (token.kind !== 'macro') return token.text;
  const transformed = transform(letterValue(token.letter, values), token);
  return token.escaped ? urlEscape(transformed) : transformed;
}

function letterValue(letter: string, values: MacroValues): string {
  switch (letter) {
    case 's': return values.sender;
    case 'l': return values.localPart;
    case 'o': return values.senderDomain;
    case 'd': return values.domain;
    case 'i': return values.dottedIp;
    case 'c': return values.readableIp;
    case 'v': return values.ipVersion;
    case 'h': return values.helo;
    case 'r': return values.receiverName;
    case 't': return String(Math.floor(values.nowSeconds));
    case 'p': return values.validatedName();
    default: return '';
  }
}

/** Split on any delimiter, optionally reverse, keep the right-hand parts, rejoin with dots (§7.3). */
function transform(value: string, token: Extract<MacroToken, { kind: 'macro' }>): string {
  const splitter = new RegExp(`[${token.delimiters.replace(/[-\]\\^]/g, '\\$&')}]`);
  const parts = value.split(splitter);
  if (token.reverse) parts.reverse();
  const kept = token.keep === undefined ? parts : parts.slice(Math.max(0, parts.length - token.keep));
  return kept.join('.');
}

const unreserved = /^[A-Za-z0-9\-._~]$/;

/**
 * URL-escapes as RFC 7208 §7.3 asks for upper-case macros: every character outside the
 * RFC 3986 unreserved set becomes %XX of its UTF-8 bytes. Written by hand because
 * encodeURIComponent leaves `!'()*` alone and throws on lone surrogates.
 */
export function urlEscape(value: string): string {
  let out = '';
  for (const char of value) {
    if (unreserved.test(char)) out += char;
    else for (const byte of utf8Bytes(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function utf8Bytes(char: string): number[] {
  const point = char.codePointAt(0) ?? 0xfffd;
  const code = point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  const tail = [0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), ...tail];
}
