import type { MessageStatus } from '../../model/world/types.js';
import type { RunSession } from '../session.js';

/** One message's fate in a finished run, reduced to what a comparison looks at. */
export interface MessageOutcome {
  readonly id: string;
  readonly status: MessageStatus;
  /** Why it ended (bounced), or the last attempt's reason while pending; null when delivered. */
  readonly reason: string | null;
  /** Egress links its attempts used, in first-use order. */
  readonly links: readonly string[];
  readonly attempts: number;
  /** Submission to delivery, ms; null unless delivered. */
  readonly delayMs: number | null;
}

/** A finished run, reduced for comparison. */
export interface RunSummary {
  readonly name: string;
  readonly totals: { readonly messages: number; readonly delivered: number; readonly bounced: number; readonly pending: number; readonly attempts: number };
  readonly links: ReadonlyMap<string, { readonly attempts: number; readonly accepted: number; readonly deferred: number; readonly rejected: number }>;
  readonly reasons: ReadonlyMap<string, number>;
  readonly queuePeaks: ReadonlyMap<string, number>;
  readonly messages: readonly MessageOutcome[];
}

/** Summarises a finished run. */
export function summariseRun(session: RunSession): RunSummary {
  const { stats, world } = session;
  const messages = world.messages.map((message): MessageOutcome => {
    const attempts = message.attempts;
    const links: string[] = [];
    for (const attempt of attempts) if (attempt.link !== null && !links.includes(attempt.link)) links.push(attempt.link);
    const last = attempts[attempts.length - 1];
    const reason = message.status === 'delivered' ? null : message.status === 'bounced' ? message.finalReason : (last?.reason ?? null);
    const delayMs = message.status === 'delivered' && message.finishedAtMs !== null ? message.finishedAtMs - message.spec.atMs : null;
    return { id: message.spec.id, status: message.status, reason, links, attempts: attempts.length, delayMs };
  });
  return {
    name: session.scenario.name,
    totals: { messages: world.messages.length, delivered: stats.delivered, bounced: stats.bounced, pending: world.messages.length - stats.delivered - stats.bounced, attempts: stats.attempts },
    links: new Map([...stats.links].map(([name, counts]) => [name, { ...counts }])),
    reasons: new Map(stats.reasons),
    queuePeaks: new Map([...world.servers.values()].map((server) => [server.config.name, server.peakDepth])),
    messages,
  };
}
