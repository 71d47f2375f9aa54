import { describe, expect, it } from 'vitest';
import { createLoadBalancer } from '../../../src/model/firewall/load-balancer.js';

const allUp = (): boolean => true;
const picks = (balancer: ReturnType<typeof createLoadBalancer>, n: number, isUp: (link: string) => boolean = allUp): (string | undefined)[] =>
  Array.from({ length: n }, () => balancer.pick(isUp));

describe('load balancers', () => {
  it('round robin takes members in order, skipping those down', () => {
    const balancer = createLoadBalancer({ mode: 'round-robin', members: [{ link: 'X1' }, { link: 'X2' }, { link: 'X3' }], preempt: true });
    expect(picks(balancer, 4)).toEqual(['X1', 'X2', 'X3', 'X1']);
    expect(picks(balancer, 3, (link) => link !== 'X3')).toEqual(['X2', 'X1', 'X2']);
  });

  it('ratio 2:1 puts two of every three connections on the first member', () => {
    const balancer = createLoadBalancer({ mode: 'ratio', members: [{ link: 'X1', weight: 2 }, { link: 'X2', weight: 1 }], preempt: true });
    const chosen = picks(balancer, 300);
    for (let i = 0; i < 300; i += 3) expect(chosen.slice(i, i + 3).filter((l) => l === 'X1')).toHaveLength(2);
  });

  it('failover with preempt returns to the best rank as soon as it is up', () => {
    const balancer = createLoadBalancer({ mode: 'failover', members: [{ link: 'X2', rank: 2 }, { link: 'X1', rank: 1 }], preempt: true });
    expect(balancer.pick(allUp)).toBe('X1');
    expect(balancer.pick((link) => link !== 'X1')).toBe('X2');
    expect(balancer.pick(allUp)).toBe('X1');
  });

  it('failover without preempt stays on the member it failed over to', () => {
    const balancer = createLoadBalancer({ mode: 'failover', members: [{ link: 'X1' }, { link: 'X2' }], preempt: false });
    expect(balancer.pick(allUp)).toBe('X1');
    expect(balancer.pick((link) => link !== 'X1')).toBe('X2');
    expect(balancer.pick(allUp)).toBe('X2');
  });

  it('gives nothing when every member is down', () => {
    for (const mode of ['failover', 'round-robin', 'ratio'] as const) {
      expect(createLoadBalancer({ mode, members: [{ link: 'X1' }], preempt: true }).pick(() => false)).toBeUndefined();
    }
  });
});
