import { formatReply } from '../model/smtp.js';
import type { AttemptRecord, MessageRecord } from '../model/world/types.js';
import { evaluateExpectations, type ExpectationResult } from './expectations.js';
import { compareObserved, type ObservedComparison } from './observed.js';
import type { RunSession } from './session.js';

/** An attempt as reports show it: the record's fields, with times as ISO 8601 in the scenario's offset. */
export interface ReportAttempt
  extends Pick<AttemptRecord, 'server' | 'nextHop' | 'nextHopAddress' | 'link' | 'sourceAddress' | 'rule' | 'recipients' | 'reply' | 'reason' | 'outcome' | 'checks'> {
  readonly at: string;
  readonly retryAt: string | null;
}

/** A message as reports show it. */
export interface ReportMessage {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly sizeBytes: number;
  readonly submittedAt: string;
  readonly status: string;
  readonly finishedAt: string | null;
  readonly reason: string | null;
  /** What the mail log says happened to it (imported traffic only). */
  readonly observed?: string;
  readonly attempts: readonly ReportAttempt[];
}

/** A delay notice or bounce a server sent the sender, as reports show it. */
export interface ReportNotice {
  readonly at: string;
  readonly kind: 'delay' | 'bounce';
  readonly messageId: string;
  readonly server: string;
  readonly to: string;
  readonly recipients: readonly string[];
  readonly reason: string;
  readonly reply: { readonly code: number | null; readonly enhanced: string | null; readonly text: string; readonly stage: string } | null;
  readonly queuedForMs: number;
}

/** The report of one run: the contract of `run --format json` (see DESIGN.md). */
export interface Report {
  readonly scenario: { readonly name: string; readonly file: string; readonly seed: number; readonly start: string; readonly end: string };
  readonly totals: { readonly messages: number; readonly delivered: number; readonly bounced: number; readonly pending: number; readonly attempts: number };
  readonly links: readonly { readonly name: string; readonly description: string | null; readonly address: string; readonly ptr: string | null; readonly attempts: number; readonly accepted: number; readonly deferred: number; readonly rejected: number; readonly believedDown: readonly { readonly from: string; readonly to: string | null }[] }[];
  readonly queues: readonly { readonly server: string; readonly peakDepth: number; readonly peakAt: string; readonly endDepth: number }[];
  readonly reasons: readonly { readonly reason: string; readonly count: number }[];
  readonly expectations: readonly ExpectationResult[];
  /** Delay notices and bounces the inside servers sent to senders, in time order. */
  readonly notices: readonly ReportNotice[];
  /** Logged outcomes beside simulated ones; present only when the traffic came from a log. */
  readonly observed?: ObservedComparison;
  readonly messages: readonly ReportMessage[];
}

/** Builds the report of a finished run. */
export function buildReport(session: RunSession, file: string): Report {
  const { scenario, stats, world, clock } = session;
  return {
    scenario: { name: scenario.name, file, seed: session.seed, start: clock.iso(0), end: clock.iso(scenario.duration) },
    totals: { messages: world.messages.length, delivered: stats.delivered, bounced: stats.bounced, pending: world.messages.length - stats.delivered - stats.bounced, attempts: stats.attempts },
    links: session.links.map((link) => {
      const believedDown = stats.believedDown.get(link.name)!.map(([from, to]) => ({ from: clock.iso(from), to: to === null ? null : clock.iso(to) }));
      return { ...link, ...stats.links.get(link.name)!, believedDown };
    }),
    queues: [...world.servers.values()].map((server) => ({ server: server.config.name, peakDepth: server.peakDepth, peakAt: clock.iso(server.peakAtMs), endDepth: server.depth })),
    reasons: [...stats.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    expectations: evaluateExpectations(session),
    notices: stats.notices.map((notice) => ({
      at: clock.iso(notice.atMs), kind: notice.kind, messageId: notice.messageId, server: notice.server, to: notice.to, recipients: notice.recipients,
      reason: notice.reason, reply: notice.reply === null ? null : { ...notice.reply }, queuedForMs: notice.queuedForMs,
    })),
    ...observedPart(world.messages),
    messages: world.messages.map((message) => reportMessage(message, (ms) => clock.iso(ms))),
  };
}

function observedPart(messages: readonly MessageRecord[]): { observed?: ObservedComparison } {
  const observed = compareObserved(messages);
  return observed === null ? {} : { observed };
}

function reportMessage(message: MessageRecord, iso: (ms: number) => string): ReportMessage {
  return {
    id: message.spec.id, from: message.spec.from, to: message.spec.to, sizeBytes: message.spec.sizeBytes, submittedAt: iso(message.spec.atMs),
    status: message.status, finishedAt: message.finishedAtMs === null ? null : iso(message.finishedAtMs), reason: message.finalReason,
    ...(message.spec.observed === undefined ? {} : { observed: message.spec.observed }),
    attempts: message.attempts.map((attempt) => reportAttempt(attempt, iso)),
  };
}

function reportAttempt(attempt: AttemptRecord, iso: (ms: number) => string): ReportAttempt {
  return {
    at: iso(attempt.atMs), server: attempt.server, nextHop: attempt.nextHop, nextHopAddress: attempt.nextHopAddress, link: attempt.link, sourceAddress: attempt.sourceAddress,
    rule: attempt.rule, recipients: attempt.recipients, reply: { ...attempt.reply }, reason: attempt.reason, outcome: attempt.outcome, retryAt: attempt.retryAtMs === null ? null : iso(attempt.retryAtMs), checks: attempt.checks,
  };
}

/** The one-line form of an attempt's reply, e.g. `421 message rejected (MAIL)`. */
export function replyLine(reply: ReportAttempt['reply']): string {
  return `${formatReply(reply)} (${reply.stage})`;
}
