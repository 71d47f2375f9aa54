import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load-scenario.js';

const base = (firewall: string, links = '  - { name: X1, address: 203.0.113.10 }\n  - { name: X2, address: 198.51.100.20 }'): string => `name: t
start: 2024-03-12T08:00:00+10:00
duration: 1h
links:
${links}
firewall:
${firewall}
dns: {}
mail:
  - { name: gw, address: 192.168.1.10 }
internet: { receivers: { default: postfix-default } }
traffic: { messages: [{ at: 1m, from: a@a.example, to: [b@b.example] }] }
`;

function problems(text: string): string[] {
  const loaded = loadScenarioText(text, 't.yaml');
  return loaded.ok ? [] : loaded.diagnostics.map((d) => `${d.path?.join('.') ?? ''}: ${d.message}`);
}

describe('network keys of a scenario', () => {
  it('accepts presets, probes, loss, tiers, hash, sticky, spill-over and NAT pools', () => {
    expect(problems(base(`  preset: pfsense
  probe: { interval: 5s, down_after: 3, up_after: 3 }
  existing_connections: kill
  load_balancing:
    members: [{ link: X1, tier: 1, weight: 2 }, { link: X2, tier: 2, last_resort: true }]
    sticky: { by: source, timeout: 5m }
  nat:
    - { link: X1, address: 203.0.113.10 }
    - { link: X2, source: 192.168.1.0/24, pool: [198.51.100.20, 198.51.100.21] }`))).toEqual([]);
    expect(problems(base('  load_balancing: { mode: hash, members: [X1, X2], hash: { fields: source, method: resilient } }', '  - { name: X1, address: 203.0.113.10, loss: 0.02, probe: off }\n  - { name: X2, address: 198.51.100.20 }'))).toEqual([]);
  });

  it('needs a mode when no preset gives one, and spill-over needs its threshold', () => {
    expect(problems(base('  load_balancing: { members: [X1, X2] }')).join('\n')).toContain('no balancing mode');
    expect(problems(base('  load_balancing: { mode: spill-over, members: [X1, X2] }')).join('\n')).toContain('spill_over');
  });

  it('names a spill-over primary or hash backup that is not a member', () => {
    expect(problems(base('  load_balancing: { mode: spill-over, members: [X1], spill_over: { primary: X2, threshold_kbps: 100 } }')).join('\n')).toContain('"X2" is not a member');
    expect(problems(base('  load_balancing: { mode: hash, members: [X1], hash: { when_down: backup, backup: X2 } }')).join('\n')).toContain('"X2" is not a member');
  });

  it('wants a NAT rule with an address or a pool, not both or neither', () => {
    expect(problems(base('  load_balancing: { mode: failover, members: [X1] }\n  nat: [{ link: X1 }]')).join('\n')).toContain('either an address or a pool');
    expect(problems(base('  load_balancing: { mode: failover, members: [X1] }\n  nat: [{ link: X1, address: 203.0.113.10, pool: [203.0.113.11] }]')).join('\n')).toContain('either an address or a pool');
  });

  it('rejects an unknown preset and a loss outside 0..1', () => {
    expect(problems(base('  preset: cisco\n  load_balancing: { members: [X1] }'))).not.toEqual([]);
    expect(problems(base('  load_balancing: { mode: failover, members: [X1] }', '  - { name: X1, address: 203.0.113.10, loss: 2 }'))).not.toEqual([]);
  });
});
