import ipaddr from 'ipaddr.js';
import { portOf } from '../../model/firewall/policy-routes.js';
import type { Scenario } from '../../scenario/schema/index.js';
import type { Finding, LintContext } from '../types.js';

type Route = Scenario['firewall']['policy_routes'][number];

/** A policy route whose link is not in the load-balancing group: its fallback goes elsewhere. */
export function routeOutsideGroup(context: LintContext): Finding[] {
  const members = context.scenario.firewall.load_balancing.members.map((member) => member.link);
  return context.scenario.firewall.policy_routes.flatMap((route, index): Finding[] => {
    if (members.includes(route.via)) return [];
    const down = route.when_down === 'fallback' ? `while ${route.via} is down its traffic falls back to ${members.join(', ')}` : `while ${route.via} is down its traffic is dropped`;
    return [{ rule: 'route-outside-group', severity: 'warning', path: ['firewall', 'policy_routes', index, 'via'], message: `policy route ${route.name} sends traffic via ${route.via}, which is not in the load-balancing group (${members.join(', ')}); ${down}`, fix: `add ${route.via} to firewall.load_balancing.members, or route via a member` }];
  });
}

/**
 * A policy route no connection can reach, because an earlier one matches everything it would
 * (first match wins). An error when it names another link (its intent is lost), else a warning.
 */
export function shadowedRoutes(context: LintContext): Finding[] {
  const routes = context.scenario.firewall.policy_routes;
  const findings: Finding[] = [];
  routes.forEach((route, index) => {
    const earlier = routes.slice(0, index).find((candidate) => covers(candidate, route));
    if (earlier === undefined) return;
    const differs = earlier.via !== route.via;
    findings.push({
      rule: 'route-shadowed', severity: differs ? 'error' : 'warning', path: ['firewall', 'policy_routes', index, 'name'],
      message: `policy route ${route.name} never matches: the earlier route ${earlier.name} matches every connection it would${differs ? `, and sends them via ${earlier.via} instead of ${route.via}` : ''}`,
      fix: differs ? `move ${route.name} above ${earlier.name}, or narrow ${earlier.name}` : `remove ${route.name}; ${earlier.name} already does its work`,
    });
  });
  return findings;
}

/** Whether every connection `inner` matches is matched by `outer`. */
export function covers(outer: Route, inner: Route): boolean {
  const outerPort = portOf(outer.match.service);
  if (outerPort !== undefined && outerPort !== portOf(inner.match.service)) return false;
  return cidrsCover(outer.match.source, inner.match.source) && cidrsCover(outer.match.destination, inner.match.destination);
}

/** Whether the outer list (undefined = everything) contains every network of the inner one. */
export function cidrsCover(outer: readonly string[] | undefined, inner: readonly string[] | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  const outerNets = outer.map(toCidr);
  return inner.every((text) => {
    const [address, bits] = toCidr(text);
    return outerNets.some(([net, netBits]) => net.kind() === address.kind() && netBits <= bits && address.match(net, netBits));
  });
}

function toCidr(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (text.includes('/')) return ipaddr.parseCIDR(text);
  const address = ipaddr.parse(text);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}
