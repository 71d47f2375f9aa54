import { checkMailFrom } from '../../model/spf/index.js';
import type { Scenario } from '../../scenario/schema/index.js';
import { natAddress } from '../egress.js';
import type { Finding, FindingSeverity, LintContext } from '../types.js';
import { addressPath } from './paths.js';

/**
 * Every address that delivers directly to recipients must be allowed by the SPF policy of each
 * sender domain (RFC 7208 check_host against the scenario's zone): `fail` is an error (receivers
 * that enforce SPF reject), the weaker results are warnings.
 */
export function spfCoverage(context: LintContext): Finding[] {
  const { config, egress, scenario } = context;
  const domains = senderDomains(scenario);
  const findings: Finding[] = [];
  // A domain without any SPF record is one problem, not one per link.
  const withoutRecord = new Set<string>();
  for (const [link, users] of egress.links) {
    const direct = users.filter((user) => user.target.kind === 'direct');
    if (direct.length === 0) continue;
    const address = natAddress(config, link);
    if (address === undefined) continue;
    const helo = config.servers.find((server) => server.name === direct[0]!.server)?.helo ?? '';
    for (const [domain, sender] of domains) {
      const outcome = checkMailFrom(config.zone, { ip: address, mailFrom: sender, helo });
      if (outcome.result === 'pass' || (outcome.result === 'none' && withoutRecord.has(domain))) continue;
      if (outcome.result === 'none') withoutRecord.add(domain);
      const severity: FindingSeverity = outcome.result === 'fail' || outcome.result === 'permerror' ? 'error' : 'warning';
      const decided = outcome.mechanism ? ` (decided by "${outcome.mechanism}")` : '';
      findings.push({
        rule: 'spf-not-covered', severity, path: addressPath(scenario, link),
        message: `${link} delivers mail from ${domain} directly, but SPF for ${domain} gives ${outcome.result} for ${address}${decided}`,
        fix: spfFix(scenario, domain, address),
      });
    }
  }
  return findings;
}

/** Sender domains with one sender address each, in the order the traffic names them. */
function senderDomains(scenario: Scenario): Map<string, string> {
  const senders = [...scenario.traffic.messages.map((message) => message.from), ...(scenario.traffic.generate?.from ?? [])];
  const domains = new Map<string, string>();
  for (const sender of senders) {
    const domain = sender.slice(sender.lastIndexOf('@') + 1).toLowerCase();
    if (!domains.has(domain)) domains.set(domain, sender);
  }
  return domains;
}

/** The domain's SPF record with the address added before its `all` term, or a new record. */
export function spfWithAddress(record: string | undefined, address: string): string {
  const term = `${address.includes(':') ? 'ip6' : 'ip4'}:${address}`;
  if (record === undefined) return `v=spf1 ${term} -all`;
  const parts = record.trim().split(/\s+/);
  const all = parts.findIndex((part) => /^[-~?+]?all$/i.test(part));
  if (all < 0) return [...parts, term].join(' ');
  return [...parts.slice(0, all), term, ...parts.slice(all)].join(' ');
}

/** The SPF TXT record of a domain in the scenario's zone, if any. */
export function spfRecordOf(scenario: Scenario, domain: string): string | undefined {
  const entry = Object.entries(scenario.dns).find(([name]) => name.toLowerCase().replace(/\.$/, '') === domain)?.[1];
  return (entry?.TXT ?? []).find((text) => /^v=spf1(\s|$)/i.test(text));
}

function spfFix(scenario: Scenario, domain: string, address: string): string {
  const record = spfRecordOf(scenario, domain);
  return `publish "${spfWithAddress(record, address)}" as the TXT record of ${domain}, or keep direct delivery off this link`;
}
