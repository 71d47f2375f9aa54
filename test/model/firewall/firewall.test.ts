import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Firewall } from '../../../src/model/firewall/firewall.js';
import type { FirewallConfig } from '../../../src/model/firewall/types.js';

const addresses = new Map([['X1', '203.0.113.10'], ['X2', '198.51.100.20']]);
const config: FirewallConfig = {
  loadBalancing: { mode: 'round-robin', members: [{ link: 'X1' }, { link: 'X2' }], preempt: true },
  policyRoutes: [
    { name: 'relay-via-adsl', destination: ['61.9.168.0/24'], service: 'smtp', via: 'X1', whenDown: 'fallback' },
    { name: 'web-via-cable', destination: ['0.0.0.0/0'], service: 'tcp/443', via: 'X2', whenDown: 'drop' },
  ],
  nat: [{ link: 'X1', address: '203.0.113.10' }, { link: 'X2', address: '198.51.100.21' }],
};

describe('Firewall', () => {
  it('lets a matching policy route decide, and NATs by egress link', () => {
    const firewall = new Firewall(config, addresses);
    for (let i = 0; i < 4; i++) {
      expect(firewall.route({ sourceAddress: '192.168.1.10', destinationAddress: '61.9.168.10', port: 25 })).toEqual({ kind: 'routed', link: 'X1', natAddress: '203.0.113.10', rule: 'policy-route:relay-via-adsl', ispDrops: false });
    }
  });

  it('balances flows no route matches, with the NAT rule of the link', () => {
    const firewall = new Firewall(config, addresses);
    const flow = { sourceAddress: '192.168.1.10', destinationAddress: '192.0.2.7', port: 25 };
    expect(firewall.route(flow)).toMatchObject({ link: 'X1', rule: 'load-balancing:round-robin' });
    expect(firewall.route(flow)).toMatchObject({ link: 'X2', natAddress: '198.51.100.21' });
  });

  it('gives the same decision object for the same link, NAT result and rule, and a right one otherwise', () => {
    const firewall = new Firewall(config, addresses);
    const toRelay = { sourceAddress: '192.168.1.10', destinationAddress: '61.9.168.10', port: 25 };
    const elsewhere = { sourceAddress: '192.168.1.10', destinationAddress: '192.0.2.7', port: 25 };
    expect(firewall.route(toRelay)).toBe(firewall.route(toRelay));
    const [first, second, third] = [firewall.route(elsewhere), firewall.route(elsewhere), firewall.route(elsewhere)];
    expect(first).toBe(third);
    expect(second).toEqual({ kind: 'routed', link: 'X2', natAddress: '198.51.100.21', rule: 'load-balancing:round-robin', ispDrops: false });
    expect(firewall.route(toRelay)).toEqual({ kind: 'routed', link: 'X1', natAddress: '203.0.113.10', rule: 'policy-route:relay-via-adsl', ispDrops: false });
  });

  it('falls back to the group or drops when the pinned link is down, as the route says', () => {
    const firewall = new Firewall(config, addresses);
    firewall.setLinkUp('X1', false);
    expect(firewall.route({ sourceAddress: '192.168.1.10', destinationAddress: '61.9.168.10', port: 25 })).toMatchObject({ kind: 'routed', link: 'X2', rule: expect.stringContaining('fallback from relay-via-adsl') });
    firewall.setLinkUp('X2', false);
    expect(firewall.route({ sourceAddress: '192.168.1.10', destinationAddress: '192.0.2.1', port: 443 })).toMatchObject({ kind: 'dropped', rule: 'policy-route:web-via-cable' });
    expect(firewall.route({ sourceAddress: '192.168.1.10', destinationAddress: '192.0.2.1', port: 25 })).toMatchObject({ kind: 'dropped' });
  });

  it('property: a matching route decides whenever its link is up; no flow goes to a link known down', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.array(fc.record({ relay: fc.boolean(), last: octet, port: fc.constantFrom(25, 443, 587), x1Up: fc.boolean(), x2Up: fc.boolean() }), { maxLength: 60 }), (flows) => {
        const firewall = new Firewall(config, addresses);
        for (const flow of flows) {
          firewall.setLinkUp('X1', flow.x1Up);
          firewall.setLinkUp('X2', flow.x2Up);
          const destinationAddress = flow.relay ? `61.9.168.${flow.last}` : `192.0.2.${flow.last}`;
          const decision = firewall.route({ sourceAddress: '192.168.1.10', destinationAddress, port: flow.port });
          if (decision.kind === 'routed') expect(firewall.isLinkUp(decision.link)).toBe(true);
          if (flow.relay && flow.port === 25 && flow.x1Up) expect(decision).toMatchObject({ link: 'X1', rule: 'policy-route:relay-via-adsl' });
          if (flow.port === 443 && flow.x2Up) expect(decision).toMatchObject({ link: 'X2', rule: 'policy-route:web-via-cable' });
        }
      }),
    );
  });
});
