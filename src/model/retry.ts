const minute = 60_000;
const hour = 60 * minute;
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
  /**
   * Deferred mail is looked at only on queue runs this far apart, from the start (Postfix
   * queue_run_delay); without it a retry happens at its own time (Exchange's per-queue timers).
   */
  readonly queueRunMs?: number;
  /** After this long in the queue the sender gets a delay notice, ms; never when absent. */
  readonly delayNoticeMs?: number;
}

/** A profile made of fixed gaps, then a steady interval. */
export function scheduleProfile(name: string, gapsMs: readonly number[], thenEveryMs: number, lifetimeMs: number, delayNoticeMs?: number): RetryProfile {
  return {
    name,
    lifetimeMs,
    delayMs: (failures) => gapsMs[failures - 1] ?? thenEveryMs,
    ...(delayNoticeMs === undefined ? {} : { delayNoticeMs }),
  };
}

/**
 * Postfix: the backoff is the message's age, clamped to [minimal_backoff_time 300 s,
 * maximal_backoff_time 4000 s]; the deferred queue is scanned every queue_run_delay 300 s;
 * maximal_queue_lifetime 5 d; delay_warning_time 0 (no delay notices) as shipped (postconf(5)).
 */
export const postfixProfile: RetryProfile = {
  name: 'postfix',
  lifetimeMs: 5 * day,
  delayMs: (_failures, ageMs) => Math.min(Math.max(ageMs, 300_000), 4_000_000),
  queueRunMs: 300_000,
};

/** Built-in retry profiles; sources in docs/model.md. */
export const retryPresets: Readonly<Record<string, RetryProfile>> = {
  postfix: postfixProfile,
  // Exchange 2016/2019: 6 transient retries 5 minutes apart, then every 15 minutes; expiry 2 days;
  // delay DSN after 4 hours.
  'exchange-2016': scheduleProfile('exchange-2016', Array(6).fill(5 * minute), 15 * minute, 2 * day, 4 * hour),
  // Exchange 2003 / IIS SMTP: retries after 15, 30 and 60 minutes, then every 240 minutes; expiry
  // 2 days; delay notification after 12 hours.
  'exchange-2003': scheduleProfile('exchange-2003', [15 * minute, 30 * minute, 60 * minute], 240 * minute, 2 * day, 12 * hour),
};

/**
 * When a delivery that failed for the `failures`-th time at `failedAtMs` is tried again: the
 * profile's delay, then the next queue run if the profile has them; null when that would be past
 * the queue lifetime (counted from `queuedAtMs`).
 */
export function nextRetryMs(profile: RetryProfile, failures: number, failedAtMs: number, queuedAtMs: number): number | null {
  let retryAtMs = failedAtMs + profile.delayMs(failures, failedAtMs - queuedAtMs);
  const run = profile.queueRunMs;
  if (run !== undefined && run > 0) retryAtMs = Math.ceil(retryAtMs / run) * run;
  return retryAtMs - queuedAtMs >= profile.lifetimeMs ? null : retryAtMs;
}

/**
 * How long a destination stays suspended after its greeting refused a session: Postfix unthrottles
 * a dead destination after minimal_backoff_time; Exchange holds the next-hop queue in Retry for
 * its first retry interval. Both are the profile's first delay.
 */
export function suspensionMs(profile: RetryProfile): number {
  return profile.delayMs(1, 0);
}
