import { DnsZone, type ZoneEntry } from '../model/dns-zone.js';
import { retryPresets, scheduleProfile, type RetryProfile } from '../model/retry.js';
import type { MessageSpec } from '../model/traffic.js';
import type { ServerConfig, WorldConfig } from '../model/world/types.js';
import type { Scenario } from '../scenario/schema/index.js';
import { buildMessages } from './build-traffic.js';
import { buildChecks, buildLimit, buildPlacement } from './build-peers.js';
import { buildFirewall, buildLinks } from './build-network.js';
import { WallClock } from './wall-clock.js';

/**
 * Builds the model's configuration from a validated scenario; `seed` overrides the file's.
 * `imported`: the messages of the scenario's `traffic.import`, read by the caller.
 */
export function buildWorldConfig(scenario: Scenario, seed = scenario.seed, imported?: readonly MessageSpec[]): WorldConfig {
  const clock = new WallClock(scenario.start);
  return {
    durationMs: scenario.duration,
    seed,
    links: buildLinks(scenario),
    firewall: buildFirewall(scenario),
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
    messages: buildMessages(scenario, seed, clock, imported),
    submitTo: scenario.traffic.submit_to ?? firstServer(scenario),
    blocklists: scenario.internet.blocklists,
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
  return {
    name: server.name, address: server.address, helo: server.helo ?? server.name, route, retry: buildRetry(server), concurrency: server.concurrency,
    destinationConcurrency: server.destination_concurrency, rateDelayMs: server.rate_delay, fallbackRelay: server.fallback_relay, account: server.account,
  };
}

function buildRetry(server: Scenario['mail'][number]): RetryProfile {
  const retry = server.retry;
  const base = typeof retry === 'string' ? retryPresets[retry]! : scheduleProfile('custom', retry.schedule, retry.then_every, retry.lifetime ?? 5 * 86_400_000);
  return {
    ...base, delayMs: base.delayMs,
    ...(server.lifetime === undefined ? {} : { lifetimeMs: server.lifetime }),
    ...(server.queue_run === undefined ? {} : { queueRunMs: server.queue_run }),
    ...(server.delay_notice === undefined ? {} : { delayNoticeMs: server.delay_notice }),
  };
}

/** An ISP's customers are the addresses its links leave by (after NAT), plus listed networks. */
function relayNetworks(scenario: Scenario, accepts: NonNullable<Scenario['internet']['relays'][number]['accepts']>): string[] {
  const isps = new Set(accepts.isp ?? []);
  const fromLinks = scenario.links.filter((link) => link.isp !== undefined && isps.has(link.isp)).flatMap((link) => linkPublicAddresses(scenario, link));
  return [...fromLinks, ...(accepts.networks ?? [])];
}

/** The addresses a link's connections can leave with: its NAT rules' addresses, or its own without rules. */
function linkPublicAddresses(scenario: Scenario, link: Scenario['links'][number]): string[] {
  const nat = scenario.firewall.nat;
  if (nat === undefined) return [link.address];
  return nat.filter((rule) => rule.link === link.name).flatMap((rule) => rule.pool ?? (rule.address === undefined ? [] : [rule.address]));
}

