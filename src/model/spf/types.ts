import type ipaddr from 'ipaddr.js';

/** The seven results of check_host() (RFC 7208 §2.6). */
export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/**
 * The arguments of one check_host() call (RFC 7208 §4.1).
 * `ip` is the SMTP client address, IPv4 or IPv6 text; an IPv4-mapped IPv6 address is treated as IPv4.
 * `domain` is the domain whose policy is read; `sender` the MAIL FROM (or `postmaster@<helo>`).
 * `receiverName` feeds the `%{r}` macro (default `unknown`); `nowSeconds` the `%{t}` macro, in
 * seconds since the Unix epoch (default 0, because the model has no wall clock of its own).
 */
export interface SpfCheck {
  readonly ip: string;
  readonly domain: string;
  readonly sender: string;
  readonly helo: string;
  readonly receiverName?: string;
  readonly nowSeconds?: number;
}

/**
 * What check_host() concluded.
 * `explanation` is present only for `fail` when the deciding record's `exp=` yields a text
 * (RFC 7208 §6.2). `mechanism` is the term, as written, that decided the result or raised the error.
 * `lookups` counts the DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect); it never
 * exceeds 11, because the 11th ends the check with `permerror`.
 */
export interface SpfOutcome {
  readonly result: SpfResult;
  readonly explanation?: string;
  readonly mechanism?: string;
  readonly lookups: number;
}

/** A directive's qualifier; `+` is the default when none is written (RFC 7208 §4.6.2). */
export type Qualifier = '+' | '-' | '~' | '?';

/** One piece of a macro-string (RFC 7208 §7.1). `escape` is `%%`, `%_` or `%-`, already expanded. */
export type MacroToken =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'escape'; readonly text: string }
  | {
      readonly kind: 'macro';
      /** Lower-case macro letter. */
      readonly letter: string;
      /** Upper-case letter in the source: the value is URL-escaped. */
      readonly escaped: boolean;
      /** Right-hand parts to keep; undefined keeps them all. Never 0. */
      readonly keep?: number;
      readonly reverse: boolean;
      /** Delimiter characters to split on; `.` when none were written. */
      readonly delimiters: string;
    };

/** A parsed domain-spec or explain-string: the tokens and the source text. */
export interface MacroString {
  readonly source: string;
  readonly tokens: readonly MacroToken[];
}

/** A mechanism with its arguments checked (RFC 7208 §5). Prefix lengths are in bits. */
export type Mechanism =
  | { readonly kind: 'all' }
  | { readonly kind: 'include' | 'exists'; readonly target: MacroString }
  | {
      readonly kind: 'a' | 'mx';
      readonly target?: MacroString;
      readonly prefix4: number;
      readonly prefix6: number;
    }
  | { readonly kind: 'ptr'; readonly target?: MacroString }
  | { readonly kind: 'ip4'; readonly network: ipaddr.IPv4; readonly prefix: number }
  | { readonly kind: 'ip6'; readonly network: ipaddr.IPv6; readonly prefix: number };

/** A qualified mechanism; `text` is the term as written, for reporting. */
export interface Directive {
  readonly qualifier: Qualifier;
  readonly mechanism: Mechanism;
  readonly text: string;
}

/** A syntactically valid SPF record. Unknown modifiers are checked, then dropped (RFC 7208 §6). */
export interface SpfRecord {
  readonly directives: readonly Directive[];
  readonly redirect?: MacroString;
  readonly exp?: MacroString;
}
