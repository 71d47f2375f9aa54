import { AddressSet } from '../model/address-set.js';
import { portOf } from '../model/firewall/policy-routes.js';
import type { PolicyRouteConfig } from '../model/firewall/types.js';
import type { WorldConfig } from '../model/world/types.js';

const smtpPort = 25;

/** How SMTP from one inside server can leave: the links, and what puts it on each. */
export interface ServerEgress {
  readonly server: string;
  readonly sourceAddress: string;
  /** `direct` (to recipients' MX hosts) or the smarthost relay's name. */
  readonly target: { readonly kind: 'direct' } | { readonly kind: 'smarthost'; readonly relay: string; readonly address: string };
  /** Each link SMTP can leave by, with what sends it there: `policy route NAME` or `load balancing`. */
  readonly links: ReadonlyMap<string, string>;
  /** The policy route that takes every such connection, when one does. */
  readonly pinnedBy: PolicyRouteConfig | undefined;
}

/** Where outbound SMTP can leave the site, per server that sends it out. */
export interface SmtpEgress {
  readonly servers: readonly ServerEgress[];
  /** Every link some outbound SMTP can use, with the servers that can use it. */
  readonly links: ReadonlyMap<string, readonly ServerEgress[]>;
}

/**
 * Works out, without simulating, which links outbound SMTP (TCP 25) can leave by. A policy
 * route matching every such connection of a server ends the search; one matching some of them
 * (a destination network, for direct delivery) adds its link and the search goes on; whatever
 * no route takes is load balanced over the group. A route that falls back when its link is down
 * also reaches the group if that link has outages.
 */
export function analyseSmtpEgress(config: WorldConfig): SmtpEgress {
  const outsideServers = config.servers.filter((server) => server.route.kind !== 'relay');
  const servers = outsideServers.map((server): ServerEgress => {
    const relay = server.route.kind === 'smarthost' ? config.relays.find((r) => r.name === (server.route as { relay: string }).relay) : undefined;
    const target = relay ? { kind: 'smarthost' as const, relay: relay.name, address: relay.address } : { kind: 'direct' as const };
    return { server: server.name, sourceAddress: server.address, target, ...walkRoutes(config, server.address, relay?.address) };
  });
  const links = new Map<string, ServerEgress[]>();
  for (const egress of servers) for (const link of egress.links.keys()) links.set(link, [...(links.get(link) ?? []), egress]);
  return { servers, links };
}

function walkRoutes(config: WorldConfig, source: string, destination: string | undefined): { links: Map<string, string>; pinnedBy: PolicyRouteConfig | undefined } {
  const links = new Map<string, string>();
  const add = (link: string, why: string): void => {
    if (!links.has(link)) links.set(link, why);
  };
  const hasOutages = (link: string): boolean => config.links.find((l) => l.name === link)?.outages.length !== 0;
  for (const route of config.firewall.policyRoutes) {
    const port = portOf(route.service);
    if (port !== undefined && port !== smtpPort) continue;
    if (route.source && !new AddressSet(route.source).has(source)) continue;
    const all = route.destination === undefined || (destination !== undefined && new AddressSet(route.destination).has(destination));
    if (!all && destination !== undefined) continue;
    add(route.via, `policy route ${route.name}`);
    if (!all) continue;
    if (route.whenDown === 'fallback' && hasOutages(route.via)) addGroup(config, add, `load balancing (while ${route.via} is down)`);
    return { links, pinnedBy: route };
  }
  addGroup(config, add, 'load balancing');
  return { links, pinnedBy: undefined };
}

function addGroup(config: WorldConfig, add: (link: string, why: string) => void, why: string): void {
  for (const member of config.firewall.loadBalancing.members) add(member.link, why);
}

/**
 * The public address a link's connections leave with: its NAT rule's (a pool's first address),
 * the link's own when the firewall lists no NAT rules, and undefined when it lists some but none
 * for this link (connections then leave with the private address and the ISP drops them).
 */
export function natAddress(config: WorldConfig, link: string): string | undefined {
  const own = config.links.find((l) => l.name === link)?.address;
  if (config.firewall.nat === undefined) return own;
  const rule = config.firewall.nat.find((r) => r.link === link);
  return rule === undefined ? undefined : (rule.address ?? rule.pool?.[0] ?? own);
}
