import type { MacroString, MacroToken } from './types.js';

/** Macro letters allowed in domain-specs and modifiers (RFC 7208 §7.2). */
export const termLetters = 'slodiphv';
/** Letters allowed in explanation text: the term letters plus c, r, t (RFC 7208 §7.2). */
export const explainLetters = 'slodiphvcrt';

const macroExpand = /^%\{([a-zA-Z])(\d*)([rR]?)([.\-+,/_=]*)\}/;
const escapes: Readonly<Record<string, string>> = { '%%': '%', '%_': ' ', '%-': '%20' };

/** How a macro-string is read: which letters it may use, and whether spaces are text (explain-string). */
export interface MacroSyntax {
  readonly letters: string;
  readonly allowSpace: boolean;
}

/**
 * Tokenises a macro-string (RFC 7208 §7.1). Returns undefined on any syntax error: a `%` not
 * starting a valid macro, a letter outside `syntax.letters`, a zero digit transformer, or a
 * character outside visible ASCII (non-ASCII and control characters included, RFC 7208 §3.1).
 */
export function parseMacroString(source: string, syntax: MacroSyntax): MacroString | undefined {
  const tokens: MacroToken[] = [];
  let literal = '';
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (char !== '%') {
      if (!isLiteralChar(char, syntax.allowSpace)) return undefined;
      literal += char;
      at += 1;
      continue;
    }
    const read = readPercent(source.slice(at), syntax.letters);
    if (read === undefined) return undefined;
    if (literal !== '') tokens.push({ kind: 'literal', text: literal });
    literal = '';
    tokens.push(read.token);
    at += read.length;
  }
  if (literal !== '') tokens.push({ kind: 'literal', text: literal });
  return { source, tokens };
}

function isLiteralChar(char: string, allowSpace: boolean): boolean {
  const code = char.charCodeAt(0);
  return (code >= 0x21 && code <= 0x7e) || (allowSpace && code === 0x20);
}

function readPercent(rest: string, letters: string): { token: MacroToken; length: number } | undefined {
  const escape = escapes[rest.slice(0, 2)];
  if (escape !== undefined) return { token: { kind: 'escape', text: escape }, length: 2 };
  const match = macroExpand.exec(rest);
  if (match === null) return undefined;
  const [whole, letter = '', digits = '', reverse = '', delimiters = ''] = match;
  if (!letters.includes(letter.toLowerCase())) return undefined;
  // RFC 7208 §7.3: a DIGIT transformer "MUST be nonzero".
  if (digits !== '' && Number(digits) === 0) return undefined;
  const token: MacroToken = {
    kind: 'macro',
    letter: letter.toLowerCase(),
    escaped: letter !== letter.toLowerCase(),
    ...(digits === '' ? {} : { keep: Number(digits) }),
    reverse: reverse !== '',
    delimiters: delimiters === '' ? '.' : delimiters,
  };
  return { token, length: whole.length };
}

const toplabel = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;
const domainEnd = /\.([^.]*)\.?$/;

/**
 * Parses a domain-spec: a macro-string that ends in a macro or in `.toplabel` with an optional
 * trailing dot (RFC 7208 §7.1). The toplabel rule rejects `a:museum`, `a:1.2.3.4` and `a:x.-com`.
 * An empty domain-spec is a syntax error, which is why `a:` and `exp=` are permerrors.
 */
export function parseDomainSpec(source: string): MacroString | undefined {
  const parsed = parseMacroString(source, { letters: termLetters, allowSpace: false });
  const last = parsed?.tokens.at(-1);
  if (parsed === undefined || last === undefined) return undefined;
  if (last.kind !== 'literal') return parsed;
  const end = domainEnd.exec(last.text);
  return end !== null && toplabel.test(end[1] ?? '') ? parsed : undefined;
}
