import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoadBalancer, type LoadBalancer } from '../../../src/model/firewall/load-balancer.js';
import type { BalancingConfig, LinkView } from '../../../src/model/firewall/types.js';
import { flowTo, view } from './support.js';

const allUp = view();
const flow = flowTo('192.0.2.1');
const picks = (balancer: LoadBalancer, n: number, links: LinkView = allUp, nowMs = 0): (string | undefined)[] =>
  Array.from({ length: n }, () => balancer.pick(flow, links, nowMs));
const group = (config: Partial<BalancingConfig> & Pick<BalancingConfig, 'mode' | 'members'>): BalancingConfig => ({ preempt: true, ...config });
const upExcept = (...down: string[]): LinkView => view((link) => !down.includes(link));

describe('load balancers', () => {
  it('round robin takes members in order, skipping those down', () => {
    const balancer = createLoadBalancer(group({ mode: 'round-robin', members: [{ link: 'X1' }, { link: 'X2' }, { link: 'X3' }] }));
    expect(picks(balancer, 4)).toEqual(['X1', 'X2', 'X3', 'X1']);
    expect(picks(balancer, 3, upExcept('X3'))).toEqual(['X2', 'X1', 'X2']);
  });

  it('ratio 2:1 puts two of every three connections on the first member', () => {
    const balancer = createLoadBalancer(group({ mode: 'ratio', members: [{ link: 'X1', weight: 2 }, { link: 'X2', weight: 1 }] }));
    const chosen = picks(balancer, 300);
    for (let i = 0; i < 300; i += 3) expect(chosen.slice(i, i + 3).filter((l) => l === 'X1')).toHaveLength(2);
  });

  it('failover with preempt returns to the best rank as soon as it is up', () => {
    const balancer = createLoadBalancer(group({ mode: 'failover', members: [{ link: 'X2', rank: 2 }, { link: 'X1', rank: 1 }] }));
    expect(picks(balancer, 1)).toEqual(['X1']);
    expect(picks(balancer, 1, upExcept('X1'))).toEqual(['X2']);
    expect(picks(balancer, 1)).toEqual(['X1']);
  });

  it('failover without preempt stays on the member it failed over to', () => {
    const balancer = createLoadBalancer(group({ mode: 'failover', members: [{ link: 'X1' }, { link: 'X2' }], preempt: false }));
    expect(picks(balancer, 1)).toEqual(['X1']);
    expect(picks(balancer, 1, upExcept('X1'))).toEqual(['X2']);
    expect(picks(balancer, 1)).toEqual(['X2']);
  });

  it('failover waits out the hold-down before failing back', () => {
    const balancer = createLoadBalancer(group({ mode: 'failover', members: [{ link: 'X1' }, { link: 'X2' }], holdDownMs: 60_000 }));
    expect(balancer.pick(flow, upExcept('X1'), 1_000)).toBe('X2');
    const x1BackAt100s = view(() => true, (link) => (link === 'X1' ? 100_000 : 0));
    expect(balancer.pick(flow, x1BackAt100s, 130_000)).toBe('X2');
    expect(balancer.pick(flow, x1BackAt100s, 160_000)).toBe('X1');
  });

  it('a last-resort member carries traffic only when every other member is down', () => {
    for (const mode of ['failover', 'round-robin', 'ratio'] as const) {
      const balancer = createLoadBalancer(group({ mode, members: [{ link: 'X3', lastResort: true }, { link: 'X1' }, { link: 'X2' }] }));
      expect(picks(balancer, 6)).not.toContain('X3');
      expect(picks(balancer, 3, upExcept('X1', 'X2'))).toEqual(['X3', 'X3', 'X3']);
    }
  });

  it('tiers: balance within tier 1, use tier 2 only when all of tier 1 is down', () => {
    const balancer = createLoadBalancer(group({ mode: 'round-robin', members: [{ link: 'X1', tier: 1 }, { link: 'X2', tier: 1 }, { link: 'X3', tier: 2 }] }));
    expect(picks(balancer, 4)).toEqual(['X1', 'X2', 'X1', 'X2']);
    expect(picks(balancer, 2, upExcept('X1'))).toEqual(['X2', 'X2']);
    expect(picks(balancer, 2, upExcept('X1', 'X2'))).toEqual(['X3', 'X3']);
  });

  it('spill-over: the primary until its rate passes the threshold, then the alternates round robin', () => {
    const balancer = createLoadBalancer(group({ mode: 'spill-over', members: [{ link: 'X1' }, { link: 'X2' }, { link: 'X3' }], spillOver: { thresholdKbps: 500, windowMs: 10_000 } }));
    expect(picks(balancer, 2, view(() => true, () => 0, () => 400))).toEqual(['X1', 'X1']);
    const busy = view(() => true, () => 0, (link) => (link === 'X1' ? 900 : 0));
    expect(picks(balancer, 3, busy)).toEqual(['X2', 'X3', 'X2']);
    expect(picks(balancer, 1, view(() => true, () => 0, () => 100))).toEqual(['X1']);
  });

  it('gives nothing when every member is down', () => {
    for (const mode of ['failover', 'round-robin', 'ratio', 'spill-over', 'hash'] as const) {
      expect(createLoadBalancer(group({ mode, members: [{ link: 'X1' }], spillOver: { thresholdKbps: 1, windowMs: 1000 } })).pick(flow, view(() => false), 0)).toBeUndefined();
    }
  });
});

describe('load-balancer properties', () => {
  const members = ['X1', 'X2', 'X3'];

  it('ratio: each member gets its weight share of many connections, within one connection per member', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 100, max: 2000 }), (weights, n) => {
        const balancer = createLoadBalancer(group({ mode: 'ratio', members: weights.map((weight, i) => ({ link: members[i]!, weight })) }));
        const chosen = picks(balancer, n);
        const total = weights.reduce((a, b) => a + b, 0);
        weights.forEach((weight, i) => {
          const count = chosen.filter((link) => link === members[i]).length;
          expect(Math.abs(count - (n * weight) / total)).toBeLessThanOrEqual(weights.length);
        });
      }),
    );
  });

  it('no new connection goes to a member down, whatever the mode and the states', () => {
    const mode = fc.constantFrom('failover', 'round-robin', 'ratio', 'spill-over', 'hash') as fc.Arbitrary<BalancingConfig['mode']>;
    const step = fc.record({ up: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), destination: fc.integer({ min: 0, max: 255 }), rate: fc.integer({ min: 0, max: 2000 }) });
    fc.assert(
      fc.property(mode, fc.constantFrom('rehash', 'backup') as fc.Arbitrary<'rehash' | 'backup'>, fc.constantFrom('modulo', 'threshold', 'resilient') as fc.Arbitrary<'modulo'>, fc.boolean(), fc.array(step, { maxLength: 80 }), (m, whenDown, method, sticky, steps) => {
        const balancer = createLoadBalancer(group({
          mode: m, members: members.map((link) => ({ link })), preempt: true, spillOver: { thresholdKbps: 1000, windowMs: 10_000 },
          hash: { fields: 'source-destination', ports: true, method, whenDown }, ...(sticky ? { sticky: { by: 'source-destination' as const, timeoutMs: 60_000 } } : {}),
        }));
        steps.forEach((s, i) => {
          const links = view((link) => s.up[members.indexOf(link)]!, () => 0, () => s.rate);
          const chosen = balancer.pick(flowTo(`192.0.2.${s.destination}`, 40000 + i), links, i * 1000);
          if (s.up.some(Boolean)) expect(chosen !== undefined && links.isUp(chosen)).toBe(true);
          else expect(chosen).toBeUndefined();
        });
      }),
    );
  });
});
