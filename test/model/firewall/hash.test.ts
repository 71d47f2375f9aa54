import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowHasher } from '../../../src/model/firewall/flow-hash.js';
import { createLoadBalancer } from '../../../src/model/firewall/load-balancer.js';
import type { HashConfig } from '../../../src/model/firewall/types.js';
import { flowTo, view } from './support.js';

const members = [{ link: 'X1' }, { link: 'X2' }, { link: 'X3' }];
const hashGroup = (hash: HashConfig) => createLoadBalancer({ mode: 'hash', members, preempt: true, hash });
const destinations = fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 60 });
const address = ([a, b]: [number, number]): string => `198.18.${a}.${b}`;

describe('hash balancing', () => {
  it('property: the same flow always gets the same link, from a fresh or a used balancer', () => {
    fc.assert(
      fc.property(destinations, fc.constantFrom('source', 'destination', 'source-destination') as fc.Arbitrary<HashConfig['fields']>, fc.boolean(), (dests, fields, ports) => {
        const config: HashConfig = { fields, ports, method: 'modulo', whenDown: 'rehash' };
        const first = hashGroup(config);
        const second = hashGroup(config);
        const once = dests.map((d, i) => first.pick(flowTo(address(d), 40000 + i), view(), 0));
        const again = [...dests].reverse().map((d, i) => second.pick(flowTo(address(d), 40000 + dests.length - 1 - i), view(), 0)).reverse();
        expect(again).toEqual(once);
      }),
    );
  });

  it('hashes only the fields asked for', () => {
    const hasher = new FlowHasher('destination', false);
    expect(hasher.hash(flowTo('192.0.2.1', 1, '10.0.0.1'))).toBe(hasher.hash(flowTo('192.0.2.1', 2, '10.0.0.2')));
    const withPorts = new FlowHasher('source-destination', true);
    const spread = new Set(Array.from({ length: 64 }, (_, i) => withPorts.hash(flowTo('192.0.2.1', 40000 + i)) % 3));
    expect(spread.size).toBe(3);
  });

  it('property: PCC-style, a dead member\'s flows go to the backup and no other flow moves', () => {
    fc.assert(
      fc.property(destinations, fc.integer({ min: 0, max: 2 }), (dests, deadIndex) => {
        const balancer = hashGroup({ fields: 'source-destination', ports: false, method: 'modulo', whenDown: 'backup', backup: deadIndex === 2 ? 'X1' : 'X3' });
        const dead = members[deadIndex]!.link;
        const before = dests.map((d) => balancer.pick(flowTo(address(d)), view(), 0));
        const after = dests.map((d) => balancer.pick(flowTo(address(d)), view((link) => link !== dead), 0));
        before.forEach((link, i) => expect(after[i]).toBe(link === dead ? (deadIndex === 2 ? 'X1' : 'X3') : link));
      }),
    );
  });

  it('property: resilient, only a dead member\'s flows move', () => {
    fc.assert(
      fc.property(destinations, fc.integer({ min: 0, max: 2 }), (dests, deadIndex) => {
        const balancer = hashGroup({ fields: 'source-destination', ports: false, method: 'resilient', whenDown: 'rehash' });
        const dead = members[deadIndex]!.link;
        const before = dests.map((d) => balancer.pick(flowTo(address(d)), view(), 0));
        const after = dests.map((d) => balancer.pick(flowTo(address(d)), view((link) => link !== dead), 0));
        before.forEach((link, i) => {
          if (link !== dead) expect(after[i]).toBe(link);
          else expect(after[i]).not.toBe(dead);
        });
      }),
    );
  });

  it('ECMP-style rehash spreads over the members up: with one of three down, some flows of the living move too', () => {
    const balancer = hashGroup({ fields: 'source-destination', ports: false, method: 'modulo', whenDown: 'rehash' });
    const flows = Array.from({ length: 300 }, (_, i) => flowTo(`198.18.${i >> 8}.${i & 255}`));
    const before = flows.map((f) => balancer.pick(f, view(), 0));
    const after = flows.map((f) => balancer.pick(f, view((link) => link !== 'X2'), 0));
    expect(after).not.toContain('X2');
    expect(before.some((link, i) => link !== 'X2' && after[i] !== link)).toBe(true);
  });
});
