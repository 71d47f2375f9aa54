import { Random } from '../core/random.js';
import { DnsZone, type ZoneEntry } from '../model/dns-zone.js';
import { defaultReplies, receiverPresets, type CheckConfig, type PeerLimitConfig, type PeerPolicy } from '../model/peer-policy.js';
import { retryPresets, scheduleProfile, type RetryProfile } from '../model/retry.js';
import { generateMessages, type MessageSpec } from '../model/traffic.js';
import type { ReceiverPlacement, ServerConfig, WorldConfig } from '../model/world/types.js';
import type { Scenario } from '../scenario/schema/index.js';
import { WallClock } from './wall-clock.js';

type ScenarioChecks = Scenario['internet']['relays'][number]['checks'];
type ScenarioLimit = Scenario['internet']['relays'][number]['limit'][number];

/** Builds the model's configuration from a validated scenario; `seed` overrides the file's. */
export function buildWorldConfig(scenario: Scenario, seed = scenario.seed): WorldConfig {
  const clock = new WallClock(scenario.start);
  return {
    durationMs: scenario.duration,
    seed,
    links: scenario.links.map((link) => ({
      name: link.name, isp: link.isp, address: link.address, uplinkKbps: link.uplink_kbps,
      outages: link.outages.map((outage) => ({ fromMs: outage.from, toMs: outage.to })),
    })),
    firewall: {
      loadBalancing: scenario.firewall.load_balancing,
      policyRoutes: scenario.firewall.policy_routes.map((route) => ({
        name: route.name, source: route.match.source, destination: route.match.destination, service: route.match.service, via: route.via, whenDown: route.when_down,
      })),
      nat: scenario.firewall.nat ?? [],
    },
    zone: buildZone(scenario.dns),
    servers: scenario.mail.map(buildServer),
    relays: scenario.internet.relays.map((relay) => ({
      name: relay.name,
      address: relay.address,
      policy: {
        name: relay.name,
        checks: buildChecks(relay.checks),
        limits: relay.limit.map(buildLimit),
        relayFor: relay.accepts ? relayNetworks(scenario, relay.accepts) : undefined,
      },
    })),
    receivers: buildPlacement(scenario),
    messages: buildMessages(scenario, seed, clock),
    submitTo: scenario.traffic.submit_to ?? firstServer(scenario),
  };
}

/** The server that receives submitted mail: the first one no other server relays to. */
export function firstServer(scenario: Scenario): string {
  const relayedTo = new Set(scenario.mail.map((server) => server.relay_to));
  return (scenario.mail.find((server) => !relayedTo.has(server.name)) ?? scenario.mail[0]!).name;
}

function buildZone(dns: Scenario['dns']): DnsZone {
  return new DnsZone(
    Object.entries(dns).map(([name, entry]): [string, ZoneEntry] => [
      name,
      { A: entry.A, AAAA: entry.AAAA, MX: entry.MX, TXT: entry.TXT, PTR: entry.PTR, CNAME: entry.CNAME, timeout: entry.TIMEOUT === true },
    ]),
  );
}

function buildServer(server: Scenario['mail'][number]): ServerConfig {
  const route = server.relay_to !== undefined ? { kind: 'relay' as const, to: server.relay_to } : server.smarthost !== undefined ? { kind: 'smarthost' as const, relay: server.smarthost } : { kind: 'direct' as const };
  return { name: server.name, address: server.address, helo: server.helo ?? server.name, route, retry: buildRetry(server.retry, server.lifetime), concurrency: server.concurrency };
}

function buildRetry(retry: Scenario['mail'][number]['retry'], lifetimeMs: number | undefined): RetryProfile {
  const base = typeof retry === 'string' ? retryPresets[retry]! : scheduleProfile('custom', retry.schedule, retry.then_every, retry.lifetime ?? 5 * 86_400_000);
  return lifetimeMs === undefined ? base : { ...base, lifetimeMs, delayMs: base.delayMs };
}

function buildChecks(checks: ScenarioChecks): CheckConfig[] {
  const result: CheckConfig[] = [];
  for (const kind of ['ptr', 'fcrdns'] as const) {
    const setting = checks[kind];
    if (setting === undefined) continue;
    result.push({ kind, reply: setting.reply ?? defaultReplies[kind].reply, stage: setting.stage ?? defaultReplies[kind].stage });
  }
  return result;
}

function buildLimit(limit: ScenarioLimit): PeerLimitConfig {
  const defaults = defaultReplies[limit.count];
  return {
    max: limit.max, perMs: limit.per, window: limit.window, blockMs: limit.block, scope: limit.scope, count: limit.count,
    reply: limit.reply ?? defaults.reply, stage: limit.stage ?? defaults.stage,
  };
}

/** An ISP's customers are the addresses its links leave by (after NAT), plus listed networks. */
function relayNetworks(scenario: Scenario, accepts: NonNullable<Scenario['internet']['relays'][number]['accepts']>): string[] {
  const isps = new Set(accepts.isp ?? []);
  const natByLink = new Map((scenario.firewall.nat ?? []).map((rule) => [rule.link, rule.address]));
  const fromLinks = scenario.links.filter((link) => link.isp !== undefined && isps.has(link.isp)).map((link) => natByLink.get(link.name) ?? link.address);
  return [...fromLinks, ...(accepts.networks ?? [])];
}

function buildPlacement(scenario: Scenario): ReceiverPlacement {
  const receivers = scenario.internet.receivers;
  const policies = new Map<string, PeerPolicy>(Object.entries(receiverPresets));
  for (const policy of receivers.policies) {
    policies.set(policy.name, { name: policy.name, checks: buildChecks(policy.checks), limits: policy.limit.map(buildLimit) });
  }
  const policy = (name: string): PeerPolicy => policies.get(name)!;
  return {
    defaultPolicy: policy(receivers.default),
    shares: Object.entries(receivers.share).map(([name, fraction]) => ({ policy: policy(name), fraction })),
    byDomain: new Map(Object.entries(receivers.domains).map(([domain, name]) => [domain.toLowerCase(), policy(name)])),
  };
}

function buildMessages(scenario: Scenario, seed: number, clock: WallClock): MessageSpec[] {
  const listed: MessageSpec[] = scenario.traffic.messages.map((message, index) => ({
    id: message.id ?? `msg${String(index + 1).padStart(4, '0')}`, atMs: message.at, from: message.from, to: message.to, sizeBytes: message.size,
  }));
  const generator = scenario.traffic.generate;
  const generated = generator
    ? generateMessages(
        { ratePerHour: generator.rate, profile: generator.profile, domainCount: generator.domains, recipients: generator.recipients, senders: generator.from, sizeBytes: generator.size, count: generator.count },
        new Random(seed),
        Math.min(generator.until ?? scenario.duration, scenario.duration),
        clock.startLocalDayMs,
      )
    : [];
  return [...listed, ...generated].sort((a, b) => a.atMs - b.atMs);
}
