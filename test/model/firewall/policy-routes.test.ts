import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { Firewall } from '../../../src/model/firewall/firewall.js';
import type { PolicyRouteConfig } from '../../../src/model/firewall/types.js';

const links = ['X1', 'X2', 'X3'];
const addresses = new Map(links.map((link, i) => [link, `203.0.113.${10 + i}`]));
const cidrs = ['0.0.0.0/0', '192.0.2.0/24', '192.0.2.0/28', '198.51.100.0/24', '192.168.1.0/24', '192.168.1.10/32', '10.0.0.0/8'];
const ports: Record<string, number | undefined> = { any: undefined, smtp: 25, submission: 587, smtps: 465, 'tcp/443': 443 };

const route = fc.record({
  source: fc.option(fc.subarray(cidrs, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  destination: fc.option(fc.subarray(cidrs, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  service: fc.constantFrom(...Object.keys(ports)),
  via: fc.constantFrom(...links),
  whenDown: fc.constantFrom('fallback', 'drop') as fc.Arbitrary<'fallback' | 'drop'>,
});
const address = fc.constantFrom('192.168.1.10', '192.168.1.5', '10.1.2.3', '192.0.2.1', '192.0.2.100', '198.51.100.7', '8.8.8.8');

const inAny = (list: readonly string[] | undefined, text: string): boolean =>
  list === undefined || list.some((cidr) => {
    const [net, bits] = ipaddr.parseCIDR(cidr);
    return ipaddr.parse(text).match(net, bits);
  });

describe('policy routes', () => {
  it('property: the first route in order that matches source, destination and service decides; the group never overrides it', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 6 }), fc.array(fc.record({ source: address, destination: address, port: fc.constantFrom(25, 443, 465, 587, 80), up: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) }), { maxLength: 40 }), (specs, flows) => {
        const policyRoutes: PolicyRouteConfig[] = specs.map((spec, i) => ({ name: `r${i}`, ...spec }));
        const firewall = new Firewall({ loadBalancing: { mode: 'round-robin', members: links.map((link) => ({ link })), preempt: true }, policyRoutes }, addresses);
        for (const flow of flows) {
          links.forEach((link, i) => firewall.setLinkUp(link, flow.up[i]!));
          const decision = firewall.route({ sourceAddress: flow.source, destinationAddress: flow.destination, port: flow.port });
          const first = policyRoutes.find((r) => inAny(r.source, flow.source) && inAny(r.destination, flow.destination) && (ports[r.service] === undefined || ports[r.service] === flow.port));
          if (first === undefined) {
            expect(decision.rule).toBe('load-balancing:round-robin');
          } else if (firewall.isLinkUp(first.via)) {
            expect(decision).toMatchObject({ kind: 'routed', link: first.via, rule: `policy-route:${first.name}` });
          } else if (first.whenDown === 'drop') {
            expect(decision).toMatchObject({ kind: 'dropped', rule: `policy-route:${first.name}` });
          } else {
            expect(decision.rule).toContain(`fallback from ${first.name}`);
          }
          if (decision.kind === 'routed') expect(firewall.isLinkUp(decision.link)).toBe(true);
        }
      }),
    );
  });
});
