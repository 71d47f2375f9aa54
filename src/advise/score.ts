import { deliveryDelaysMs, percentile } from '../run/expectations.js';
import { RunSession } from '../run/session.js';
import type { Scenario } from '../scenario/schema/index.js';

/** How well a scenario fares on its traffic: what ranking compares. */
export interface Score {
  readonly messages: number;
  readonly delivered: number;
  readonly bounced: number;
  readonly pending: number;
  /** Attempts deferred or rejected. */
  readonly failedAttempts: number;
  /** 95th percentile of submission-to-delivery delay (pending messages count their wait), ms. */
  readonly p95DelayMs: number;
  readonly queuePeak: number;
}

/** Replays the scenario with the given seed and scores the outcome. */
export function scoreScenario(scenario: Scenario, seed: number): Score {
  const session = new RunSession(scenario, { seed }).runToEnd();
  const { stats, world } = session;
  let failedAttempts = 0;
  for (const counts of stats.links.values()) failedAttempts += counts.deferred + counts.rejected;
  const messages = world.messages.length;
  return {
    messages, delivered: stats.delivered, bounced: stats.bounced, pending: messages - stats.delivered - stats.bounced, failedAttempts,
    p95DelayMs: percentile(deliveryDelaysMs(world.messages, session.endMs), 95) ?? 0,
    queuePeak: Math.max(0, ...[...world.servers.values()].map((server) => server.peakDepth)),
  };
}

/** Orders scores best first: fewer bounced (failed) messages, then fewer pending, then fewer failed attempts, then less delay. */
export function compareScores(a: Score, b: Score): number {
  return a.bounced - b.bounced || a.pending - b.pending || a.failedAttempts - b.failedAttempts || a.p95DelayMs - b.p95DelayMs;
}
