import type { Scenario } from '../../scenario/schema/index.js';
import { parseDurationMs } from '../../scenario/schema/units.js';
import { closestMatch } from '../../scenario/zod-diagnostics.js';
import { RunSession } from '../session.js';
import { WallClock } from '../wall-clock.js';
import { buildTrace, type DepthSeries } from './build.js';
import type { MessageTrace } from './types.js';

export { formatTrace } from './format.js';
export type { MessageTrace, TraceAttempt, TraceStep } from './types.js';

/** What to trace: a message of the scenario's traffic, or a hypothetical one added to it. */
export type TraceRequest =
  | { readonly kind: 'message'; readonly id: string }
  | { readonly kind: 'hypothetical'; readonly at: string; readonly from: string; readonly to: readonly string[] };

/** A trace, or why there is none (a bad request: the caller exits 2). */
export type TraceResult = { readonly ok: true; readonly trace: MessageTrace } | { readonly ok: false; readonly error: string };

/** The id a hypothetical message gets. */
export const hypotheticalId = 'hypothetical';

const email = /^[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Replays the scenario and traces one message through it. */
export function traceScenario(scenario: Scenario, request: TraceRequest, seed = scenario.seed): TraceResult {
  let run = scenario;
  let id: string;
  if (request.kind === 'hypothetical') {
    const added = addHypothetical(scenario, request);
    if (typeof added === 'string') return { ok: false, error: added };
    run = added;
    id = hypotheticalId;
  } else {
    id = request.id;
  }
  const session = new RunSession(run, { seed });
  const depths = new Map<string, { atMs: number; depth: number }[]>();
  session.subscribe((event) => {
    if (event.type !== 'queue-depth') return;
    let series = depths.get(event.server);
    if (series === undefined) depths.set(event.server, (series = []));
    series.push({ atMs: event.atMs, depth: event.depth });
  });
  session.runToEnd();
  const message = session.world.messages.find((m) => m.spec.id === id);
  if (message === undefined) return { ok: false, error: unknownMessage(id, session.world.messages.map((m) => m.spec.id)) };
  return { ok: true, trace: buildTrace(session, message, depths as DepthSeries, request.kind === 'hypothetical') };
}

function unknownMessage(id: string, ids: readonly string[]): string {
  const guess = closestMatch(id, ids);
  const range = ids.length === 0 ? 'the run has no messages' : `ids run ${ids[0]} … ${ids[ids.length - 1]} (${ids.length} messages)`;
  return `no message "${id}" in the run; ${guess !== undefined ? `did you mean "${guess}"? ` : ''}${range}`;
}

function addHypothetical(scenario: Scenario, request: Extract<TraceRequest, { kind: 'hypothetical' }>): Scenario | string {
  const atMs = parseTraceTime(request.at, scenario.start);
  if (atMs === undefined) return `--at takes an offset like 1h30m, a local time like 10:15 or 10:15:30, or an ISO 8601 date and time; got "${request.at}"`;
  if (atMs < 0 || atMs >= scenario.duration) return `--at ${request.at} falls outside the scenario's window (${scenario.start} for ${Math.round(scenario.duration / 60_000)} minutes)`;
  for (const address of [request.from, ...request.to]) if (!email.test(address)) return `"${address}" is not a mail address like alice@example.com.au`;
  const message = { id: hypotheticalId, at: atMs, from: request.from, to: [...request.to], size: 20_000 };
  return { ...scenario, traffic: { ...scenario.traffic, messages: [...scenario.traffic.messages.filter((m) => m.id !== hypotheticalId), message] } };
}

/**
 * A time for `--at`, as ms from the scenario start: an offset (`1h30m`), a local time of day in
 * the scenario's offset (`10:15`, `10:15:30`, on the start's day or the next one after it), or
 * an ISO 8601 date and time. Undefined when it is none of these.
 */
export function parseTraceTime(text: string, startIso: string): number | undefined {
  const offset = parseDurationMs(text);
  if (offset !== undefined) return offset;
  const clock = new WallClock(startIso);
  const time = /^(\d{1,2}):(\d\d)(?::(\d\d))?$/.exec(text);
  if (time) {
    const localMs = ((Number(time[1]) * 60 + Number(time[2])) * 60 + Number(time[3] ?? 0)) * 1000;
    const sinceStart = localMs - clock.startLocalDayMs;
    return sinceStart >= 0 ? sinceStart : sinceStart + 86_400_000;
  }
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(text)) return undefined;
  const epochMs = Date.parse(text);
  return Number.isNaN(epochMs) ? undefined : epochMs - clock.startEpochMs;
}
