import { AddressSet } from '../model/address-set.js';
import { portOf } from '../model/firewall/policy-routes.js';
import { checkMailFrom } from '../model/spf/index.js';
import { IdentityResolver } from '../model/identity.js';
import type { WorldConfig } from '../model/world/types.js';
import { natAddress, spfRecordOf, spfWithAddress, type SmtpEgress } from '../lint/index.js';
import type { Scenario } from '../scenario/schema/index.js';
import type { Edit } from './edit.js';

/** A change to try: what it is, in words, and the edits that make it. */
export interface Candidate {
  readonly kind: 'pin-smtp' | 'add-ptr' | 'add-spf' | 'direct' | 'throttle' | 'binding' | 'balancing-mode';
  readonly title: string;
  readonly edits: readonly Edit[];
}

/** What candidate generation reads. */
export interface CandidateInput {
  readonly scenario: Scenario;
  readonly config: WorldConfig;
  readonly egress: SmtpEgress;
}

/**
 * The changes worth trying on this scenario, singly and in the pairs that make sense together
 * (deliver directly and pin SMTP, or deliver directly and add the missing PTR).
 */
export function generateCandidates(input: CandidateInput): Candidate[] {
  const identity = new IdentityResolver(input.config.zone);
  const iprev = (link: string): string | undefined => {
    const address = natAddress(input.config, link)!;
    return address === undefined ? undefined : identity.resolve(address).iprev;
  };
  const goodLinks = input.scenario.links.map((link) => link.name).filter((link) => iprev(link) === 'pass');
  const ptrless = input.scenario.links.filter((link) => iprev(link.name) !== undefined && iprev(link.name) !== 'pass');
  const pins = goodLinks.flatMap((link) => pinSmtp(input, link, false));
  const ptrs = ptrless.map((link) => addPtr(input, link.name));
  const direct = directDelivery(input.scenario);
  const pinsWhenDirect = goodLinks.flatMap((link) => pinSmtp(input, link, true));
  const spf = addSpf(input, false);
  const spfWhenDirect = addSpf(input, true);
  const ptrsWithSpf = ptrs.flatMap((ptr) => spf.map((record) => combine(ptr, record)));
  const ptrsWithSpfWhenDirect = ptrs.flatMap((ptr) => spfWhenDirect.map((record) => combine(ptr, record)));
  return [
    ...pins,
    ...ptrs,
    ...spf,
    ...ptrsWithSpf,
    ...direct,
    ...throttles(input.scenario),
    ...direct.flatMap((d) => [...pinsWhenDirect, ...ptrs, ...ptrsWithSpfWhenDirect].map((other) => combine(d, other))),
    ...binding(),
    ...balancingModes(input.scenario, goodLinks),
  ];
}

function combine(first: Candidate, second: Candidate): Candidate {
  return { kind: first.kind, title: `${first.title}, and ${second.title}`, edits: [...first.edits, ...second.edits] };
}

/** A policy route, first, sending each outside-delivering server's SMTP out `link`. */
function pinSmtp(input: CandidateInput, link: string, assumeDirect: boolean): Candidate[] {
  const pinnedThere = (server: string): boolean => !assumeDirect && input.egress.servers.find((e) => e.server === server)?.pinnedBy?.via === link;
  const outside = input.scenario.mail.filter((server) => server.relay_to === undefined && !pinnedThere(server.name));
  const routes = outside.map((server) => {
    const relay = assumeDirect || server.smarthost === undefined ? undefined : input.scenario.internet.relays.find((r) => r.name === server.smarthost);
    const match = relay ? { destination: relay.address, service: 'smtp' } : { source: server.address, service: 'smtp' };
    const suffix = outside.length > 1 ? `-${server.name}` : '';
    return { name: `${relay ? 'relay' : 'smtp'}-via-${link.toLowerCase()}${suffix}`, match, via: link };
  });
  if (routes.length === 0) return [];
  // First when an existing route would otherwise take these connections elsewhere; else last,
  // so the comments above the existing routes stay with them.
  const existing = input.config.firewall.policyRoutes;
  const first = existing.some((route) => route.destination === undefined && route.via !== link && (portOf(route.service) ?? 25) === 25 && outside.some((server) => route.source === undefined || new AddressSet(route.source).has(server.address)));
  const at = first ? 0 : existing.length;
  return [{ kind: 'pin-smtp', title: `pin outbound SMTP to ${link} (its address has a PTR that resolves back) with a policy route`, edits: routes.map((route, index) => ({ op: 'insert', path: ['firewall', 'policy_routes'], index: at + index, value: route })) }];
}

function addPtr(input: CandidateInput, link: string): Candidate {
  const address = natAddress(input.config, link)!;
  const outbound = [...input.scenario.mail].sort((a, b) => Number(a.relay_to !== undefined) - Number(b.relay_to !== undefined));
  const helo = outbound.find((server) => server.helo?.includes('.'))?.helo ?? 'example.com';
  const domain = helo.split('.').slice(1).join('.') || helo;
  const name = `${link.toLowerCase()}-mail.${domain}`;
  return {
    kind: 'add-ptr', title: `add a PTR for ${link}'s address ${address} (${name}, with the A record back)`,
    edits: [{ op: 'set', path: ['dns', address], value: { PTR: name } }, { op: 'set', path: ['dns', name], value: { A: [address] } }],
  };
}

/** For each sender domain, its SPF record with every direct-delivering link address added. */
function addSpf(input: CandidateInput, assumeDirect: boolean): Candidate[] {
  const { scenario, config, egress } = input;
  const senders = [...scenario.traffic.messages.map((message) => message.from), ...(scenario.traffic.generate?.from ?? [])];
  const domains = [...new Set(senders.map((sender) => sender.slice(sender.lastIndexOf('@') + 1).toLowerCase()))];
  const candidates: Candidate[] = [];
  for (const domain of domains) {
    const missing = [...egress.links.entries()].filter(([, users]) => assumeDirect || users.some((user) => user.target.kind === 'direct')).flatMap(([link]) => natAddress(config, link) ?? [])
      .filter((address) => checkMailFrom(config.zone, { ip: address, mailFrom: `postmaster@${domain}`, helo: domain }).result !== 'pass');
    if (missing.length === 0) continue;
    const record = missing.reduce<string | undefined>((text, address) => spfWithAddress(text, address), spfRecordOf(scenario, domain));
    const owner = Object.keys(scenario.dns).find((name) => name.toLowerCase().replace(/\.$/, '') === domain) ?? domain;
    const others = (scenario.dns[owner]?.TXT ?? []).filter((text) => !/^v=spf1(\s|$)/i.test(text));
    candidates.push({ kind: 'add-spf', title: `add ${missing.join(', ')} to the SPF record of ${domain}`, edits: [{ op: 'set', path: ['dns', owner, 'TXT'], value: [record, ...others] }] });
  }
  return candidates;
}

function directDelivery(scenario: Scenario): Candidate[] {
  return scenario.mail.flatMap((server, index): Candidate[] =>
    server.smarthost === undefined ? [] : [{ kind: 'direct', title: `let ${server.name} deliver directly by MX instead of through ${server.smarthost}`, edits: [{ op: 'delete', path: ['mail', index, 'smarthost'] }] }],
  );
}

/**
 * Throttle each smarthost-sending server below its relay's message limit (Postfix
 * default_destination_rate_delay): one message per `per / max`, plus a second of margin, so no
 * window ever holds more than the relay allows.
 */
function throttles(scenario: Scenario): Candidate[] {
  return scenario.mail.flatMap((server, index): Candidate[] => {
    const relay = scenario.internet.relays.find((candidate) => candidate.name === server.smarthost);
    const limits = (relay?.limit ?? []).flatMap((limit) => {
      const perMs = limit.per ?? (limit.window === 'rolling-24h' ? 86_400_000 : undefined);
      const countsMessages = limit.count === undefined || limit.count === 'messages';
      return countsMessages && limit.window !== 'concurrent' && perMs !== undefined ? [{ max: limit.max, perMs }] : [];
    });
    if (relay === undefined || limits.length === 0) return [];
    const tightest = limits.reduce((a, b) => (a.perMs / a.max >= b.perMs / b.max ? a : b));
    const gapSeconds = Math.ceil(tightest.perMs / tightest.max / 1000) + 1;
    return [{
      kind: 'throttle',
      title: `throttle ${server.name} to one message every ${gapSeconds}s (rate_delay), below ${relay.name}'s ${tightest.max} per ${Math.round(tightest.perMs / 60_000)}m`,
      edits: [{ op: 'set', path: ['mail', index, 'rate_delay'], value: `${gapSeconds}s` }],
    }];
  });
}

/** SonicWall source+destination binding; dropped later if this model's schema has no such key. */
function binding(): Candidate[] {
  return [{ kind: 'binding', title: 'turn on source+destination binding in load balancing', edits: [{ op: 'set', path: ['firewall', 'load_balancing', 'sticky'], value: { by: 'source-destination', timeout: '10m' } }] }];
}

function balancingModes(scenario: Scenario, goodLinks: readonly string[]): Candidate[] {
  const balancing = scenario.firewall.load_balancing;
  const members = balancing.members.map((member) => member.link);
  if (members.length < 2) return [];
  const ordered = [...members.filter((link) => goodLinks.includes(link)), ...members.filter((link) => !goodLinks.includes(link))];
  const candidates: Candidate[] = [];
  if (balancing.mode !== 'failover' || ordered.join() !== members.join()) {
    candidates.push({ kind: 'balancing-mode', title: `balance by failover, ${ordered.join(' before ')}`, edits: [{ op: 'set', path: ['firewall', 'load_balancing', 'mode'], value: 'failover' }, { op: 'set', path: ['firewall', 'load_balancing', 'members'], value: ordered }] });
  }
  if (balancing.mode !== 'ratio') {
    const weighted = ordered.map((link, index) => ({ link, weight: index === 0 ? 3 : 1 }));
    candidates.push({ kind: 'balancing-mode', title: `balance by ratio, ${weighted.map((m) => `${m.link}:${m.weight}`).join(' ')}`, edits: [{ op: 'set', path: ['firewall', 'load_balancing', 'mode'], value: 'ratio' }, { op: 'set', path: ['firewall', 'load_balancing', 'members'], value: weighted }] });
  }
  if (balancing.mode !== 'round-robin') {
    candidates.push({ kind: 'balancing-mode', title: 'balance round robin', edits: [{ op: 'set', path: ['firewall', 'load_balancing', 'mode'], value: 'round-robin' }] });
  }
  return candidates;
}
