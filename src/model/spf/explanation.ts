import type { EvalContext } from './context.js';
import { expandExplanation } from './macro.js';
import { targetName, valuesFor } from './target.js';
import type { MacroString } from './types.js';

/**
 * The explanation of a `fail` (RFC 7208 §6.2): the single TXT record at the expanded `exp=` target,
 * itself macro-expanded. Any problem (unusable name, DNS error, zero or several records, a syntax
 * error or non-ASCII text) gives undefined, i.e. proceed as if there were no `exp=`. The query is
 * not counted against either lookup limit: it is made once, after the result is known.
 */
export function explain(ctx: EvalContext, exp: MacroString | undefined, domain: string): string | undefined {
  if (exp === undefined) return undefined;
  const name = targetName(ctx, exp, domain);
  if (name === undefined) return undefined;
  const answer = ctx.zone.lookup(name, 'TXT');
  if (answer.status !== 'ok' || answer.records.length !== 1) return undefined;
  const [text = ''] = answer.records;
  return expandExplanation(text, valuesFor(ctx, domain));
}
