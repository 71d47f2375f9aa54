import type { EvalContext } from './context.js';
import { macroValues } from './context.js';
import { toQueryName } from './domain-name.js';
import type { MacroValues } from './macro.js';
import { expandTokens } from './macro.js';
import { validatedName } from './ptr.js';
import type { MacroString } from './types.js';

/** Macro values for the record of `domain`, with `%{p}` resolved only if used, and then once. */
export function valuesFor(ctx: EvalContext, domain: string): MacroValues {
  let name: string | undefined;
  return macroValues(ctx, domain, () => (name ??= validatedName(ctx, domain)));
}

/**
 * The name a term queries: its domain-spec expanded (or the current domain when it has none),
 * truncated and checked (RFC 7208 §7.3, §4.8). Undefined when the result cannot be a DNS name;
 * the term then behaves as if the name did not exist, one of the two outcomes the suite allows.
 */
export function targetName(
  ctx: EvalContext,
  spec: MacroString | undefined,
  domain: string,
): string | undefined {
  if (spec === undefined) return toQueryName(domain);
  return toQueryName(expandTokens(spec, valuesFor(ctx, domain)));
}
