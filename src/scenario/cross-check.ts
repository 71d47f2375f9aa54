import { reasonNames } from '../model/reasons.js';
import { receiverPresetNames } from '../model/peer-policy.js';
import type { Scenario } from './schema/index.js';
import type { CrossCheckProblem } from './validate-text.js';
import { closestMatch } from './zod-diagnostics.js';
import { crossCheckMail } from './cross-check-mail.js';

type Path = (string | number)[];

/**
 * Checks that what one part of a scenario names exists in another: links, servers, relays,
 * receiver policies, reasons. Every problem is returned, none thrown.
 */
export function crossCheckScenario(scenario: Scenario): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const links = scenario.links.map((link) => link.name);
  const servers = scenario.mail.map((server) => server.name);
  const relays = scenario.internet.relays.map((relay) => relay.name);
  const policies = [...receiverPresetNames, ...scenario.internet.receivers.policies.map((policy) => policy.name)];

  const refer = (name: string, known: readonly string[], what: string, path: Path, part?: 'key'): void => {
    if (known.includes(name)) return;
    const guess = closestMatch(name, known);
    const hint = guess !== undefined ? `did you mean "${guess}"?` : known.length > 0 ? `defined: ${known.join(', ')}` : `none is defined`;
    problems.push({ path, message: `no ${what} named "${name}"; ${hint}`, part });
  };
  const unique = (names: readonly string[], what: string, path: (index: number) => Path): void => {
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) problems.push({ path: path(index), message: `${what} "${name}" is defined twice; names must be unique` });
    });
  };

  unique(links, 'link', (i) => ['links', i, 'name']);
  unique(servers, 'mail server', (i) => ['mail', i, 'name']);
  unique(relays, 'relay', (i) => ['internet', 'relays', i, 'name']);
  unique(scenario.firewall.policy_routes.map((route) => route.name), 'policy route', (i) => ['firewall', 'policy_routes', i, 'name']);

  const members = scenario.firewall.load_balancing.members;
  members.forEach((member, i) => refer(member.link, links, 'link', ['firewall', 'load_balancing', 'members', i, 'link']));
  unique(members.map((member) => member.link), 'load-balancing member', (i) => ['firewall', 'load_balancing', 'members', i]);
  scenario.firewall.policy_routes.forEach((route, i) => refer(route.via, links, 'link', ['firewall', 'policy_routes', i, 'via']));
  (scenario.firewall.nat ?? []).forEach((rule, i) => refer(rule.link, links, 'link', ['firewall', 'nat', i, 'link']));
  checkBalancing(scenario, problems);

  scenario.mail.forEach((server, i) => {
    if (server.relay_to !== undefined) {
      if (server.relay_to === server.name) problems.push({ path: ['mail', i, 'relay_to'], message: `"${server.name}" cannot relay to itself` });
      else refer(server.relay_to, servers, 'mail server', ['mail', i, 'relay_to']);
    }
    if (server.smarthost !== undefined) refer(server.smarthost, relays, 'relay (under internet.relays)', ['mail', i, 'smarthost']);
  });
  checkRelayLoop(scenario, problems);
  if (scenario.traffic.submit_to !== undefined) refer(scenario.traffic.submit_to, servers, 'mail server', ['traffic', 'submit_to']);

  const isps = scenario.links.flatMap((link) => (link.isp === undefined ? [] : [link.isp]));
  scenario.internet.relays.forEach((relay, i) =>
    (relay.accepts?.isp ?? []).forEach((isp, j) => refer(isp, isps, 'ISP on any link', ['internet', 'relays', i, 'accepts', 'isp', ...(Array.isArray(relay.accepts?.isp) ? [j] : [])])),
  );

  const receivers = scenario.internet.receivers;
  refer(receivers.default, policies, 'receiver policy', ['internet', 'receivers', 'default']);
  for (const name of Object.keys(receivers.share)) refer(name, policies, 'receiver policy', ['internet', 'receivers', 'share', name], 'key');
  for (const [domain, name] of Object.entries(receivers.domains)) refer(name, policies, 'receiver policy', ['internet', 'receivers', 'domains', domain]);
  receivers.policies.forEach((policy, i) => {
    if (receiverPresetNames.includes(policy.name)) problems.push({ path: ['internet', 'receivers', 'policies', i, 'name'], message: `"${policy.name}" is a built-in policy; give yours another name` });
  });

  checkTraffic(scenario, problems);
  problems.push(...crossCheckMail(scenario));
  checkExpectations(scenario, links, servers, problems);
  return problems;
}

function checkRelayLoop(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const next = new Map(scenario.mail.map((server) => [server.name, server.relay_to]));
  scenario.mail.forEach((server, i) => {
    const seen = new Set<string>([server.name]);
    let current = server.relay_to;
    while (current !== undefined && next.has(current)) {
      if (seen.has(current)) {
        if (current === server.name) problems.push({ path: ['mail', i, 'relay_to'], message: `relay loop: ${[...seen].join(' → ')} → ${current}; one server must deliver out` });
        return;
      }
      seen.add(current);
      current = next.get(current);
    }
  });
}

function checkTraffic(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const ids = new Set<string>();
  scenario.traffic.messages.forEach((message, i) => {
    if (message.at >= scenario.duration) problems.push({ path: ['traffic', 'messages', i, 'at'], message: 'submitted after the window closes; make it earlier or the duration longer' });
    if (message.id === undefined) return;
    if (ids.has(message.id)) problems.push({ path: ['traffic', 'messages', i, 'id'], message: `message id "${message.id}" is used twice` });
    ids.add(message.id);
  });
}

function checkExpectations(scenario: Scenario, links: string[], servers: string[], problems: CrossCheckProblem[]): void {
  scenario.expect.forEach((expectation, i) => {
    const at = (...rest: Path): Path => ['expect', i, ...rest];
    const refer = (name: string, known: readonly string[], what: string, path: Path): void => {
      if (known.includes(name)) return;
      const guess = closestMatch(name, known);
      problems.push({ path, message: `no ${what} named "${name}"${guess ? `; did you mean "${guess}"?` : `; known: ${known.join(', ')}`}` });
    };
    if ('no_attempts_via' in expectation) {
      const via = expectation.no_attempts_via;
      if (typeof via === 'string') refer(via, links, 'link', at('no_attempts_via'));
      else refer(via.link, links, 'link', at('no_attempts_via', 'link'));
    }
    if ('no_failures_via' in expectation) refer(expectation.no_failures_via, links, 'link', at('no_failures_via'));
    if ('failures_via' in expectation) refer(expectation.failures_via.link, links, 'link', at('failures_via', 'link'));
    if ('queue_peak' in expectation && expectation.queue_peak.server !== undefined) refer(expectation.queue_peak.server, servers, 'mail server', at('queue_peak', 'server'));
    if ('reason' in expectation) refer(expectation.reason.name, reasonNames, 'reason', at('reason', 'name'));
    if ('no_reason' in expectation) refer(expectation.no_reason, reasonNames, 'reason', at('no_reason'));
  });
}

/** Mode-specific settings: a mode to balance by, and the members the mode's keys name. */
function checkBalancing(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const group = scenario.firewall.load_balancing;
  const at = (...rest: Path): Path => ['firewall', 'load_balancing', ...rest];
  const mode = group.mode ?? (scenario.firewall.preset === undefined ? undefined : 'preset');
  if (mode === undefined) problems.push({ path: at('mode'), message: 'no balancing mode: give load_balancing.mode, or a firewall.preset whose default applies' });
  if (group.mode === 'spill-over' && group.spill_over === undefined) problems.push({ path: at('mode'), message: 'spill-over needs load_balancing.spill_over: { threshold_kbps: … }' });
  const members = group.members.map((member) => member.link);
  const member = (name: string | undefined, path: Path): void => {
    if (name !== undefined && !members.includes(name)) problems.push({ path, message: `"${name}" is not a member of the load-balancing group; members: ${members.join(', ')}` });
  };
  member(group.spill_over?.primary, at('spill_over', 'primary'));
  member(group.hash?.backup, at('hash', 'backup'));
  if (group.members.every((m) => m.last_resort === true)) problems.push({ path: at('members'), message: 'every member is last_resort; at least one must not be' });
}
