import type { AttemptRecord } from '../../run/types.js';

/**
 * A kind of failure, as `--pause-on-failure` tells them apart: a reason, the link it left by and
 * the SMTP stage of the reply. The same 421 at MAIL through X1 a hundred times is one kind.
 */
export interface FailureKind {
  /** Identity of the kind: `reason|link|stage`. */
  readonly key: string;
  /** How the notice and the log name it, e.g. `rate-limited via X1 at MAIL (421 message rejected)`. */
  readonly label: string;
}

/** The key of a failed attempt's kind. Cheap: it runs for every failed attempt of a replay. */
export function attemptFailureKey(attempt: AttemptRecord): string {
  return `${attempt.reason}|${attempt.link ?? '-'}|${attempt.reply.stage}`;
}

/** The kind of a failed attempt; undefined when the attempt was accepted. */
export function attemptFailureKind(attempt: AttemptRecord): FailureKind | undefined {
  if (attempt.outcome === 'accepted') return undefined;
  const via = attempt.link === null ? 'no link' : `via ${attempt.link}`;
  const code = attempt.reply.code === null ? '---' : String(attempt.reply.code);
  const text = attempt.reply.text === '' ? code : `${code} ${attempt.reply.text}`;
  return { key: attemptFailureKey(attempt), label: `${attempt.reason} ${via} at ${attempt.reply.stage} (${text})` };
}

/** The kind of a message returned because it outlived its queue lifetime at `server`. */
export function expiryFailureKind(server: string): FailureKind {
  return { key: `expired|-|${server}`, label: `expired in the ${server} queue` };
}
