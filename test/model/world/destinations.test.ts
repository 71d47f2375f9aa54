import { describe, expect, it } from 'vitest';
import { RunSession } from '../../../src/run/session.js';
import { scenarioSchema } from '../../../src/scenario/schema/index.js';

/** 400 messages to 60 made-up domains, some placed with a stateless policy and some with a rate-limited one. */
function manyDomains() {
  return scenarioSchema.parse({
    name: 'many domains', start: '2024-03-12T08:00:00+10:00', duration: '2h', seed: 3,
    links: [{ name: 'X1', address: '203.0.113.10', uplink_kbps: 10000 }],
    firewall: { load_balancing: { mode: 'failover', members: ['X1'] } },
    dns: { 'a.example': { A: ['203.0.113.10'] }, '203.0.113.10': { PTR: 'a.example' } },
    mail: [{ name: 'gateway', address: '192.168.1.10', helo: 'a.example', retry: 'postfix' }],
    internet: { receivers: { default: 'postfix-default', share: { gmail: 0.3 } } },
    traffic: { generate: { rate: '400/h', profile: 'constant', domains: 60, recipients: '1', from: ['a@a.example'], count: 400 } },
  });
}

describe('Destinations', () => {
  it('lets one peer stand for every host of a policy whose peers answer alike, and keeps one per host where they keep state', () => {
    const session = new RunSession(manyDomains()).runToEnd();
    const peersByPolicy = new Map<string, Set<unknown>>();
    const hostsByPolicy = new Map<string, number>();
    for (const hop of session.world.destinations.domainHops().values()) {
      if (hop.kind !== 'peer') continue;
      const name = hop.peer.policy.name;
      peersByPolicy.set(name, (peersByPolicy.get(name) ?? new Set()).add(hop.peer));
      hostsByPolicy.set(name, (hostsByPolicy.get(name) ?? 0) + 1);
    }
    expect(hostsByPolicy.get('postfix-default')).toBeGreaterThan(10);
    expect(peersByPolicy.get('postfix-default')!.size).toBe(1);
    // gmail limits each host's senders: every host keeps its own limiters.
    expect(hostsByPolicy.get('gmail')).toBeGreaterThan(5);
    expect(peersByPolicy.get('gmail')!.size).toBe(hostsByPolicy.get('gmail'));
  });
});
