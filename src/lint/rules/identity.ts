import { IdentityResolver } from '../../model/identity.js';
import type { PeerPolicy } from '../../model/peer-policy.js';
import type { WorldConfig } from '../../model/world/types.js';
import { natAddress, type ServerEgress } from '../egress.js';
import type { Finding, LintContext } from '../types.js';
import { addressPath } from './paths.js';

/**
 * A link that can carry SMTP must leave with an address whose PTR resolves back to it (FCrDNS):
 * receivers that check reverse DNS refuse it otherwise. An error when some relay or receiver in
 * the scenario checks it, a warning when none here does (real ones will).
 */
export function smtpLinkIdentity(context: LintContext): Finding[] {
  const { config, egress } = context;
  const identity = new IdentityResolver(config.zone);
  const findings: Finding[] = [];
  for (const [link, users] of egress.links) {
    const address = natAddress(config, link);
    if (address === undefined) continue;
    const result = identity.resolve(address);
    if (result.iprev === 'pass') continue;
    const checked = users.some((user) => checksIdentity(config, user));
    const severity = checked ? 'error' : 'warning';
    const who = users.map((user) => `${user.server} (${user.links.get(link)})`).join(', ');
    const consequence = checked ? 'receivers that check reverse DNS will refuse it' : 'no receiver in this scenario checks, but many real ones do';
    const path = addressPath(context.scenario, link);
    if (result.iprev === 'permerror') {
      findings.push({ rule: 'smtp-link-no-ptr', severity, path, message: `${link} can carry SMTP from ${who}, but ${address} has no PTR record: ${consequence}`, fix: `add a PTR for ${address} naming a host whose A record is ${address} (dns: { "${address}": { PTR: ${suggestedName(config, users, link)} } } and the A record back), or pin SMTP to a link whose address has one with a policy route` });
    } else if (result.iprev === 'fail') {
      findings.push({ rule: 'smtp-link-fcrdns', severity, path, message: `${link} can carry SMTP from ${who}, but the PTR of ${address} (${result.ptrNames.join(', ')}) does not resolve back to it (FCrDNS fails): ${consequence}`, fix: `add ${address} to the A records of ${result.ptrNames[0] ?? 'the PTR name'}, or pin SMTP to another link` });
    } else {
      findings.push({ rule: 'smtp-link-dns-timeout', severity: 'warning', path, message: `${link} can carry SMTP, but the reverse lookup of ${address} times out: receivers will defer`, fix: `remove the TIMEOUT record for ${address} or its PTR name` });
    }
  }
  return findings;
}

/** A host name for a link's PTR in the mail domain the sending server says HELO with. */
function suggestedName(config: WorldConfig, users: readonly ServerEgress[], link: string): string {
  const helo = config.servers.find((server) => server.name === users[0]?.server)?.helo ?? '';
  const domain = helo.includes('.') ? helo.slice(helo.indexOf('.') + 1) : 'example.com';
  return `${link.toLowerCase()}-mail.${domain}`;
}

/** Whether any peer this server's SMTP reaches checks the client's reverse DNS. */
function checksIdentity(config: WorldConfig, user: ServerEgress): boolean {
  if (user.target.kind === 'smarthost') {
    const relay = user.target.relay;
    return config.relays.find((r) => r.name === relay)?.policy.checks.length !== 0;
  }
  const { receivers } = config;
  const policies: PeerPolicy[] = [receivers.defaultPolicy, ...receivers.shares.filter((share) => share.fraction > 0).map((share) => share.policy), ...receivers.byDomain.values()];
  return policies.some((policy) => policy.checks.length > 0);
}
