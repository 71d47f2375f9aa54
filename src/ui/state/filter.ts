import type { AttemptRecord, MessageRecord } from '../../run/types.js';
import { domainOf, hasFailure, messageState, type MessageState } from './message-state.js';

/** The fields a filter term can name: `link:X1`, `status:deferred`, … */
export const filterFields = ['domain', 'link', 'status', 'reason', 'id', 'from'] as const;

/** One field of {@link filterFields}. */
export type FilterField = (typeof filterFields)[number];

/** One term: a field, or any field when the term was typed bare. */
export interface FilterTerm {
  readonly field: FilterField | 'any';
  readonly value: string;
}

/** A parsed filter: every term must match (AND). */
export interface MessageFilter {
  readonly terms: readonly FilterTerm[];
  readonly failuresOnly: boolean;
}

/**
 * What a filter looks at in a message. The message index answers from arrays it keeps as events
 * arrive, so a rescan of 100,000 messages never reads their attempt lists; a record answers from
 * its attempts ({@link recordFacts}). One matcher for both keeps one meaning.
 */
export interface MessageFacts {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly state: MessageState;
  /** Deferred, rejected or bounced at some point. */
  readonly failed: boolean;
  /** Whether an attempt left through the link named `name` (lower case). */
  usedLink(name: string): boolean;
  /** Whether an attempt, or the message's end, had a reason starting with `prefix`. */
  hadReason(prefix: string): boolean;
}

/**
 * Parses the filter line: whitespace-separated terms, each `field:value` or bare. Unknown
 * `field:` prefixes are kept as bare text, so `421:` or a typo still filters on something
 * instead of silently matching nothing.
 */
export function parseFilter(text: string, failuresOnly = false): MessageFilter {
  const terms: FilterTerm[] = [];
  for (const word of text.trim().toLowerCase().split(/\s+/)) {
    if (word === '') continue;
    const colon = word.indexOf(':');
    const field = colon > 0 ? word.slice(0, colon) : '';
    const value = colon > 0 ? word.slice(colon + 1) : word;
    if ((filterFields as readonly string[]).includes(field)) {
      if (value !== '') terms.push({ field: field as FilterField, value });
    } else {
      terms.push({ field: 'any', value: word });
    }
  }
  return { terms, failuresOnly };
}

/** Whether the filter lets everything through (the list then needs no index of its own). */
export function isOpenFilter(filter: MessageFilter): boolean {
  return filter.terms.length === 0 && !filter.failuresOnly;
}

/** Whether two filters select the same messages for certain (same terms, same switch). */
export function sameFilter(a: MessageFilter, b: MessageFilter): boolean {
  return a.failuresOnly === b.failuresOnly && a.terms.length === b.terms.length && a.terms.every((term, i) => term.field === b.terms[i]!.field && term.value === b.terms[i]!.value);
}

/** Whether a message passes the filter. */
export function matchesFacts(facts: MessageFacts, filter: MessageFilter): boolean {
  if (filter.failuresOnly && !facts.failed) return false;
  for (const term of filter.terms) if (!matchesTerm(facts, term.field, term.value)) return false;
  return true;
}

/** Whether a message record passes the filter (reads its attempts). */
export function matchesFilter(message: MessageRecord, filter: MessageFilter): boolean {
  return matchesFacts(recordFacts(message), filter);
}

/** The facts of a record, read from its attempts once. */
export function recordFacts(message: MessageRecord): MessageFacts {
  const attempts: readonly AttemptRecord[] = message.attempts;
  return {
    id: message.spec.id,
    from: message.spec.from,
    to: message.spec.to,
    state: messageState(message, attempts),
    failed: hasFailure(message, attempts),
    usedLink: (name) => attempts.some((attempt) => attempt.link !== null && attempt.link.toLowerCase() === name),
    hadReason: (prefix) => (message.finalReason ?? '').startsWith(prefix) || attempts.some((attempt) => attempt.reason.startsWith(prefix)),
  };
}

function matchesTerm(facts: MessageFacts, field: FilterField | 'any', value: string): boolean {
  switch (field) {
    case 'domain':
      return facts.to.some((address) => domainOf(address).includes(value));
    case 'link':
      return facts.usedLink(value);
    case 'status':
      return statusMatches(facts, value);
    case 'reason':
      return facts.hadReason(value);
    case 'id':
      return facts.id.toLowerCase().startsWith(value);
    case 'from':
      return facts.from.toLowerCase().includes(value);
    case 'any':
      return filterFields.some((one) => matchesTerm(facts, one, value));
  }
}

/** `pending` covers both of its list states; `failed` any message with a failure. */
function statusMatches(facts: MessageFacts, value: string): boolean {
  if (value === 'pending') return facts.state === 'queued' || facts.state === 'deferred';
  if (value === 'failed') return facts.failed;
  return facts.state.startsWith(value);
}
