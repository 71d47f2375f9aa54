import type { RunSession } from './session.js';

/** One link as the UI shows it. */
export interface LinkSnapshot {
  readonly name: string;
  readonly description: string | null;
  readonly address: string;
  /** The address's PTR name, or null when it has none. */
  readonly ptr: string | null;
  /** Whether the firewall believes it is up (what it routes by; lags the truth by the probes' detection time). */
  readonly up: boolean;
  /** Whether the link really carries traffic now (its outage schedule, or a what-if). */
  readonly reallyUp: boolean;
  readonly attempts: number;
  readonly accepted: number;
  readonly deferred: number;
  readonly rejected: number;
}

/** One inside server's queue. */
export interface QueueSnapshot {
  readonly server: string;
  readonly depth: number;
  readonly peakDepth: number;
  readonly peakAtMs: number;
}

/** One rate limiter key's state at a relay or receiver. */
export interface LimiterSnapshot {
  readonly peer: string;
  /** e.g. `20/10m per source, block 20m`. */
  readonly limit: string;
  readonly key: string;
  readonly count: number;
  readonly max: number;
  readonly blockedUntilMs: number | null;
}

/** The state of a run at one moment, for the UI; plain data, safe to keep. */
export interface Snapshot {
  readonly nowMs: number;
  readonly endMs: number;
  readonly done: boolean;
  readonly totals: { readonly messages: number; readonly submitted: number; readonly delivered: number; readonly bounced: number; readonly pending: number; readonly attempts: number };
  readonly links: readonly LinkSnapshot[];
  readonly queues: readonly QueueSnapshot[];
  readonly limiters: readonly LimiterSnapshot[];
}

/** Reads a snapshot off a session. Cost grows with links, servers and limiter keys, not messages. */
export function takeSnapshot(session: RunSession): Snapshot {
  const { world, stats, scenario } = session;
  const nowMs = session.nowMs;
  return {
    nowMs,
    endMs: session.endMs,
    done: session.done,
    totals: { messages: world.messages.length, submitted: stats.submitted, delivered: stats.delivered, bounced: stats.bounced, pending: stats.submitted - stats.delivered - stats.bounced, attempts: stats.attempts },
    links: session.links.map((link) => ({ ...link, up: world.firewall.isLinkUp(link.name), reallyUp: world.network.link(link.name).reallyUp, ...stats.links.get(link.name)! })),
    queues: [...world.servers.values()].map((server) => ({ server: server.config.name, depth: server.depth, peakDepth: server.peakDepth, peakAtMs: server.peakAtMs })),
    limiters: limiterSnapshots(session, nowMs),
  };
}

function limiterSnapshots(session: RunSession, nowMs: number): LimiterSnapshot[] {
  const hops = [...session.world.destinations.relayHops(), ...session.world.destinations.domainHops().values()];
  const result: LimiterSnapshot[] = [];
  for (const hop of hops) {
    if (hop.kind !== 'peer') continue;
    for (const { config, limiter } of hop.peer.rateLimiters) {
      const span = config.window === 'concurrent' ? ' at once' : config.window === 'rolling-24h' ? '/24h' : `/${formatMinutes(config.perMs)}${config.window === 'token-bucket' ? ' bucket' : ''}`;
      const limit = `${config.max}${span} per ${config.scope}${config.blockMs ? `, block ${formatMinutes(config.blockMs)}${config.extendBlock ? '+' : ''}` : ''}`;
      for (const state of limiter.states(nowMs)) {
        result.push({ peer: hop.host, limit, key: state.key, count: state.count, max: state.max, blockedUntilMs: state.blockedUntilMs ?? null });
      }
    }
  }
  return result;
}

function formatMinutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
}
