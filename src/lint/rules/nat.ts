import type { Finding, LintContext } from '../types.js';

/**
 * When the firewall lists NAT rules, a link the traffic can use without one sends the private
 * inside address, which the ISP drops (BCP 38): an error.
 */
export function linkWithoutNat(context: LintContext): Finding[] {
  const { scenario } = context;
  const nat = scenario.firewall.nat;
  if (nat === undefined) return [];
  const used = new Set([...scenario.firewall.load_balancing.members.map((member) => member.link), ...scenario.firewall.policy_routes.map((route) => route.via)]);
  return scenario.links.flatMap((link, index): Finding[] => {
    if (nat.some((rule) => rule.link === link.name) || !used.has(link.name)) return [];
    return [{
      rule: 'link-without-nat', severity: 'error', path: ['links', index, 'name'],
      message: `${link.name} carries traffic but has no rule in firewall.nat: its connections leave with the private inside address, which the ISP drops`,
      fix: `add { link: ${link.name}, address: ${link.address} } to firewall.nat`,
    }];
  });
}
