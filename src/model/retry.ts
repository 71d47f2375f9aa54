const minute = 60_000;
const day = 86_400_000;

/**
 * When a mail server tries a deferred message again, and how long it keeps trying.
 * Invariant: `delayMs` is positive, so a retry is always later than the failure before it.
 */
export interface RetryProfile {
  readonly name: string;
  /** Queue lifetime, ms: a message older than this is returned to its sender. */
  readonly lifetimeMs: number;
  /**
   * The wait after the `failures`-th failed attempt (1 for the first), given the message's age
   * in this queue at that failure, ms.
   */
  delayMs(failures: number, ageMs: number): number;
}

/** A profile made of fixed gaps, then a steady interval. */
export function scheduleProfile(name: string, gapsMs: readonly number[], thenEveryMs: number, lifetimeMs: number): RetryProfile {
  return {
    name,
    lifetimeMs,
    delayMs: (failures) => gapsMs[failures - 1] ?? thenEveryMs,
  };
}

/**
 * Postfix: the backoff is the message's age, clamped to [minimal_backoff_time 300 s,
 * maximal_backoff_time 4000 s]; maximal_queue_lifetime 5 d (qmgr, postconf(5)).
 */
export const postfixProfile: RetryProfile = {
  name: 'postfix',
  lifetimeMs: 5 * day,
  delayMs: (_failures, ageMs) => Math.min(Math.max(ageMs, 300_000), 4_000_000),
};

/** Built-in retry profiles; sources in docs/model.md. */
export const retryPresets: Readonly<Record<string, RetryProfile>> = {
  postfix: postfixProfile,
  // Exchange 2016/2019: 6 transient retries 5 minutes apart, then every 15 minutes; expiry 2 days.
  'exchange-2016': scheduleProfile('exchange-2016', Array(6).fill(5 * minute), 15 * minute, 2 * day),
  // Exchange 2003 / IIS SMTP: retries after 15, 30 and 60 minutes, then every 240 minutes; expiry 2 days.
  'exchange-2003': scheduleProfile('exchange-2003', [15 * minute, 30 * minute, 60 * minute], 240 * minute, 2 * day),
};
