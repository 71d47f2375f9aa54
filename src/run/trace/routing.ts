import { AddressSet } from '../../model/address-set.js';
import { portOf } from '../../model/firewall/policy-routes.js';
import type { PolicyRouteConfig } from '../../model/firewall/types.js';
import type { AttemptRecord, WorldConfig } from '../../model/world/types.js';
import type { BalancerState } from './build.js';

/** The routing decision's details for one attempt: the routes checked, the rule, the balancer. */
export function routeDetails(config: WorldConfig, attempt: AttemptRecord, sourceAddress: string, state: BalancerState): string[] {
  const flow = `flow ${sourceAddress} → ${attempt.nextHopAddress}:25 (smtp)`;
  const details = [flow];
  const routes = config.firewall.policyRoutes;
  const matched = attempt.rule.startsWith('policy-route:') ? attempt.rule.slice('policy-route:'.length) : undefined;
  for (const route of routes) {
    if (route.name === matched) break;
    details.push(`policy route ${route.name}: no match (${whyNot(route, sourceAddress, attempt.nextHopAddress)})`);
  }
  const up = (link: string): boolean => linkUpAt(config, link, attempt.atMs);
  if (matched !== undefined) {
    const route = routes.find((r) => r.name === matched);
    details.push(`policy route ${matched}: match (${describeMatch(route)}) → via ${route?.via ?? '?'} (${route && up(route.via) ? 'up' : 'down'})`);
    return attempt.link === null ? [...details, `${route?.via} is down and the route drops the connection`] : details;
  }
  const balancing = config.firewall.loadBalancing;
  if (attempt.rule.includes('fallback')) details.push(attempt.rule.replace(/^load-balancing:\S+ /, ''));
  const members = balancing.members.map((member) => `${member.link}${balancing.mode === 'failover' ? ` rank ${member.rank ?? balancing.members.indexOf(member) + 1}` : ''}${balancing.mode === 'ratio' ? ` weight ${member.weight ?? 1}` : ''} (${up(member.link) ? 'up' : 'down'})`);
  details.push(`load balancing, ${balancing.mode}, over ${members.join(', ')}`);
  if (balancing.mode === 'round-robin') {
    const before = state.previous ? `the last connection it placed before this instant went via ${state.previous.link} (${state.previous.messageId})` : 'no connection placed before this instant';
    const ties = state.sameInstant > 0 ? `; ${state.sameInstant} other connection${state.sameInstant === 1 ? ' was' : 's were'} placed in the same millisecond` : '';
    details.push(`balancer state: ${before}${ties}; each new connection takes the next member that is up, in turn`);
  } else if (balancing.mode === 'failover') {
    details.push(`balancer state: the best-ranked member that is up${balancing.preempt ? ' (preempt on)' : ' (preempt off: it stays where it failed over to)'}`);
  } else {
    details.push(`balancer state: ${modeState[balancing.mode] ?? `mode ${balancing.mode}`}`);
  }
  details.push(attempt.link === null ? 'no member is up: the connection fails' : `→ ${attempt.link}`);
  return details;
}

const modeState: Readonly<Record<string, string>> = {
  ratio: 'smooth weighted round robin by connections (weights as listed)',
  'spill-over': 'the primary takes new connections until its egress rate passes the threshold, then the others do',
  hash: 'a hash of the flow\'s addresses picks the member, so the same flow always lands on the same link',
};

/** Whether a link is up at a time, by its outage schedule (the firewall learns at once). */
export function linkUpAt(config: WorldConfig, link: string, atMs: number): boolean {
  const outages = config.links.find((l) => l.name === link)?.outages ?? [];
  return !outages.some((outage) => atMs >= outage.fromMs && atMs < outage.toMs);
}

function whyNot(route: PolicyRouteConfig, source: string, destination: string): string {
  const port = portOf(route.service);
  if (port !== undefined && port !== 25) return `service ${route.service}, not smtp`;
  if (route.source && !new AddressSet(route.source).has(source)) return `source ${source} not in ${route.source.join(', ')}`;
  if (route.destination && !new AddressSet(route.destination).has(destination)) return `destination ${destination} not in ${route.destination.join(', ')}`;
  return 'not reached';
}

function describeMatch(route: PolicyRouteConfig | undefined): string {
  if (route === undefined) return '?';
  const parts = [`service ${route.service}`];
  if (route.source) parts.push(`source ${route.source.join(', ')}`);
  if (route.destination) parts.push(`destination ${route.destination.join(', ')}`);
  return parts.join(', ');
}
