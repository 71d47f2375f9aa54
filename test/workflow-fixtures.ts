import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../src/scenario/load-scenario.js';
import type { Scenario } from '../src/scenario/schema/index.js';

/** Loads scenario text, failing the test with the diagnostics when it does not load. */
export function scenarioFromText(text: string, file = 'test.yaml'): Scenario {
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return loaded.scenario;
}

/** A story scenario's text and its loaded form. */
export function story(name: string): { file: string; text: string; scenario: Scenario } {
  const file = `scenarios/bigpond/${name}.yaml`;
  const text = readFileSync(file, 'utf8');
  return { file, text, scenario: scenarioFromText(text, file) };
}

/**
 * A small two-link site with listed messages, for fast tests; `extra` is appended verbatim at
 * top level and `firewall` replaces the firewall block.
 */
export function smallSite(options: { firewall?: string; expect?: string; mail?: string; dns?: string; relays?: string } = {}): string {
  return [
    '# yaml-language-server: $schema=../scenario.schema.json',
    'name: small site',
    'start: 2008-02-07T08:45:00+11:00',
    'duration: 2h',
    'seed: 1',
    'links:',
    '  - { name: X1, isp: bigpond, address: 203.0.113.10 }',
    '  - { name: X2, isp: cableco, address: 198.51.100.20 }',
    options.firewall ?? 'firewall:\n  load_balancing: { mode: round-robin, members: [X1, X2] }',
    'dns:',
    '  example.com.au: { TXT: ["v=spf1 ip4:203.0.113.10 -all"] }',
    '  mail.example.com.au: { A: [203.0.113.10] }',
    '  203.0.113.10: { PTR: mail.example.com.au }',
    ...(options.dns ? [options.dns] : []),
    options.mail ?? 'mail:\n  - { name: gw, address: 192.168.1.10, helo: mail.example.com.au }',
    'internet:',
    ...(options.relays ? [options.relays] : []),
    '  receivers: { default: postfix-strict }',
    'traffic:',
    '  messages:',
    '    - { id: a1, at: 1m, from: a@example.com.au, to: [x@one.example] }',
    '    - { id: a2, at: 2m, from: a@example.com.au, to: [y@two.example] }',
    '    - { id: a3, at: 3m, from: a@example.com.au, to: [z@three.example] }',
    '    - { id: a4, at: 4m, from: a@example.com.au, to: [w@four.example] }',
    ...(options.expect ? ['expect:', options.expect] : []),
    '',
  ].join('\n');
}
