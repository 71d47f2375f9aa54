import type { Scenario } from '../../scenario/schema/index.js';

type Path = (string | number)[];

/** Where a link's outbound address is written: its NAT rule, else the link's own address. */
export function addressPath(scenario: Scenario, link: string): Path {
  const rule = (scenario.firewall.nat ?? []).findIndex((r) => r.link === link);
  if (rule >= 0) return ['firewall', 'nat', rule, 'address'];
  return ['links', linkIndex(scenario, link), 'address'];
}

/** A link's position in `links`; -1 when there is none. */
export function linkIndex(scenario: Scenario, link: string): number {
  return scenario.links.findIndex((l) => l.name === link);
}

/** A mail server's position in `mail`. */
export function serverIndex(scenario: Scenario, server: string): number {
  return scenario.mail.findIndex((s) => s.name === server);
}
