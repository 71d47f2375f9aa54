import { receiverPresetNames } from '../model/peer-policy.js';
import type { Scenario } from './schema/index.js';
import type { CrossCheckProblem } from './validate-text.js';
import { closestMatch } from './zod-diagnostics.js';

type Path = (string | number)[];

/** Cross-references of the mail side: blocklists named by checks, fallback relays, policy bases. */
export function crossCheckMail(scenario: Scenario): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const refer = (name: string, known: readonly string[], what: string, path: Path): void => {
    if (known.includes(name)) return;
    const guess = closestMatch(name, known);
    const hint = guess !== undefined ? `did you mean "${guess}"?` : known.length > 0 ? `defined: ${known.join(', ')}` : 'none is defined';
    problems.push({ path, message: `no ${what} named "${name}"; ${hint}` });
  };
  const lists = scenario.internet.blocklists.map((list) => list.name);
  lists.forEach((name, i) => {
    if (lists.indexOf(name) !== i) problems.push({ path: ['internet', 'blocklists', i, 'name'], message: `blocklist "${name}" is defined twice; names must be unique` });
  });
  const checkLists = (checks: Scenario['internet']['relays'][number]['checks'], at: Path): void => {
    if (checks.dnsbl !== undefined && lists.length === 0) {
      problems.push({ path: [...at, 'checks', 'dnsbl'], message: 'a blocklist check with no blocklists: define them under internet.blocklists' });
    }
    (checks.dnsbl?.lists ?? []).forEach((name, j) => refer(name, lists, 'blocklist (under internet.blocklists)', [...at, 'checks', 'dnsbl', 'lists', j]));
  };
  scenario.internet.relays.forEach((relay, i) => checkLists(relay.checks, ['internet', 'relays', i]));
  scenario.internet.receivers.policies.forEach((policy, i) => {
    checkLists(policy.checks, ['internet', 'receivers', 'policies', i]);
    if (policy.base !== undefined) refer(policy.base, receiverPresetNames, 'built-in policy', ['internet', 'receivers', 'policies', i, 'base']);
  });
  const relays = scenario.internet.relays.map((relay) => relay.name);
  scenario.mail.forEach((server, i) => {
    if (server.fallback_relay === undefined) return;
    refer(server.fallback_relay, relays, 'relay (under internet.relays)', ['mail', i, 'fallback_relay']);
    if (server.relay_to !== undefined) problems.push({ path: ['mail', i, 'fallback_relay'], message: 'a server that relays to an inside server has no use for a fallback relay' });
  });
  return problems;
}
