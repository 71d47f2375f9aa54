import { describe, expect, it } from 'vitest';
import { newDelivery } from '../../../src/model/world/delivery.js';
import { MxFallback } from '../../../src/model/world/mx-fallback.js';
import { SessionStarter } from '../../../src/model/world/session-starter.js';
import { Suspensions } from '../../../src/model/world/suspension.js';
import { World } from '../../../src/model/world/world.js';
import { buildWorldConfig } from '../../../src/run/build-world.js';
import { scenarioSchema } from '../../../src/scenario/schema/index.js';

/** X1 has a PTR, X2 none; round robin; Exchange relays to a gateway that delivers directly to strict receivers. */
function starterAndWorld() {
  const scenario = scenarioSchema.parse({
    name: 't', start: '2008-02-07T09:00:00+11:00', duration: '1h', seed: 1,
    links: [{ name: 'X1', isp: 'bigpond', address: '203.0.113.10' }, { name: 'X2', isp: 'cableco', address: '198.51.100.20' }],
    firewall: { load_balancing: { mode: 'round-robin', members: ['X1', 'X2'] } },
    dns: { 'mail.example.com': { A: ['203.0.113.10'] }, '203.0.113.10': { PTR: 'mail.example.com' } },
    mail: [
      { name: 'exchange', address: '192.168.1.5', relay_to: 'gateway', retry: 'exchange-2016' },
      { name: 'gateway', address: '192.168.1.10', helo: 'mail.example.com', retry: 'postfix' },
    ],
    internet: { receivers: { default: 'postfix-strict' } },
    traffic: { messages: [{ id: 'm1', at: '0s', from: 'a@example.com', to: ['b@one.example'], size: 50_000 }] },
  });
  const world = new World(buildWorldConfig(scenario));
  const mx = new MxFallback(world.destinations);
  const starter = new SessionStarter(world.sim, world.firewall, world.network, mx, new Suspensions(mx), (_, __, endMs) => endMs + 300_000);
  return { world, starter };
}

describe('SessionStarter', () => {
  it('accepts an inside hop at once, from the inside address, with no link', () => {
    const { world, starter } = starterAndWorld();
    const delivery = newDelivery(world.messages[0]!, world.servers.get('exchange')!, 0, undefined, undefined, '');
    starter.start(delivery);
    // Six command round trips of 2 ms, and 50 kB at 100 Mbit/s.
    expect(delivery).toMatchObject({ atMs: 0, endMs: 16, link: null, sourceAddress: '192.168.1.5', rule: 'inside', outcome: 'accepted', retryAtMs: null });
    expect(delivery.currentHop?.host).toBe('gateway');
  });

  it('sends outside sessions through the firewall: each link NATs to its address, and strict receivers defer the one without a PTR', () => {
    const { world, starter } = starterAndWorld();
    const gateway = world.servers.get('gateway')!;
    const sessions = [0, 1].map(() => {
      const delivery = newDelivery(world.messages[0]!, gateway, 0, undefined, undefined, 'one.example');
      starter.start(delivery);
      return delivery;
    });
    expect(sessions[0]).toMatchObject({ link: 'X1', sourceAddress: '203.0.113.10', rule: 'load-balancing:round-robin', outcome: 'accepted', retryAtMs: null });
    expect(sessions[1]).toMatchObject({ link: 'X2', sourceAddress: '198.51.100.20', outcome: 'deferred' });
    expect(sessions[1]!.conversation?.reason).toBe('no-ptr');
    expect(sessions[1]!.retryAtMs).toBe(sessions[1]!.endMs + 300_000);
  });
});
