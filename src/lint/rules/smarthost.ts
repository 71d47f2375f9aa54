import { AddressSet } from '../../model/address-set.js';
import { natAddress } from '../egress.js';
import type { Finding, LintContext } from '../types.js';
import { serverIndex } from './paths.js';

/**
 * A smarthost that relays only for some of the site's addresses must be reached only through
 * the links that leave with them: a relay reachable through one link needs a policy route
 * pinning it there, or load balancing sends some connections out another link and the relay
 * answers 554 Relay access denied.
 */
export function smarthostReachability(context: LintContext): Finding[] {
  const { config, egress, scenario } = context;
  const findings: Finding[] = [];
  for (const user of egress.servers) {
    if (user.target.kind !== 'smarthost') continue;
    const relayName = user.target.relay;
    const relay = config.relays.find((r) => r.name === relayName);
    const relayFor = relay?.policy.relayFor;
    const accepted = relayFor === undefined ? config.links.map((link) => link.name) : config.links.filter((link) => new AddressSet(relayFor).has(natAddress(config, link.name) ?? '0.0.0.0')).map((link) => link.name);
    const path = ['mail', serverIndex(scenario, user.server), 'smarthost'];
    const used = [...user.links.keys()];
    const refused = used.filter((link) => !accepted.includes(link));
    const routeFix = accepted[0] === undefined ? `make ${relayName} accept one of the site's addresses (accepts: isp or networks)` : `add a policy route first in firewall.policy_routes: { name: smarthost-via-${accepted[0].toLowerCase()}, match: { destination: ${user.target.address}, service: smtp }, via: ${accepted[0]} }`;
    if (refused.length > 0) {
      const why = refused.map((link) => `${link} (${user.links.get(link)})`).join(', ');
      findings.push({ rule: 'smarthost-wrong-link', severity: 'error', path, message: `${user.server} relays through ${relayName}, which accepts only ${accepted.join(', ') || 'none of the site\'s links'}, but its connections can leave by ${why}: the relay answers 554 Relay access denied`, fix: routeFix });
    } else if (accepted.length === 1 && user.pinnedBy === undefined && config.links.length > 1) {
      findings.push({ rule: 'smarthost-unpinned', severity: 'warning', path, message: `${relayName} is reachable only through ${accepted[0]}, and nothing pins ${user.server}'s connections to it: they stay on ${accepted[0]} only while the load-balancing group holds nothing else`, fix: routeFix });
    }
  }
  return findings;
}
