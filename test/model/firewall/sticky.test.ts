import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoadBalancer } from '../../../src/model/firewall/load-balancer.js';
import type { StickyConfig } from '../../../src/model/firewall/types.js';
import { flowTo, view } from './support.js';

const sticky = (config: StickyConfig) => createLoadBalancer({ mode: 'round-robin', members: [{ link: 'X1' }, { link: 'X2' }], preempt: true, sticky: config });

describe('stickiness', () => {
  it('SonicWall binding: a source and destination pair keeps its link, other destinations still balance', () => {
    const balancer = sticky({ by: 'source-destination', timeoutMs: 0 });
    const a = flowTo('192.0.2.1');
    const b = flowTo('192.0.2.2');
    expect(balancer.pick(a, view(), 0)).toBe('X1');
    expect(balancer.pick(b, view(), 0)).toBe('X2');
    expect(balancer.pick(a, view(), 10)).toBe('X1');
  });

  it('pfSense source stickiness lasts while connections are open, then the timeout, then balances afresh', () => {
    const balancer = sticky({ by: 'source', timeoutMs: 60_000 });
    const flow = flowTo('192.0.2.1');
    expect(balancer.pick(flow, view(), 0)).toBe('X1');
    expect(balancer.pick(flowTo('192.0.2.9'), view(), 0)).toBe('X1');
    balancer.closed!(flow, 'X1', 1_000);
    balancer.closed!(flow, 'X1', 2_000);
    expect(balancer.pick(flow, view(), 61_000)).toBe('X1');
    balancer.closed!(flow, 'X1', 62_000);
    expect(balancer.pick(flow, view(), 122_001)).toBe('X2');
  });

  it('a binding to a link marked down is dropped', () => {
    const balancer = sticky({ by: 'source', timeoutMs: 60_000 });
    expect(balancer.pick(flowTo('192.0.2.1'), view(), 0)).toBe('X1');
    expect(balancer.pick(flowTo('192.0.2.1'), view((link) => link !== 'X1'), 1)).toBe('X2');
  });

  it('property: while a binding has open connections or is inside its timeout, every new flow of it gets the same link', () => {
    const event = fc.record({ destination: fc.integer({ min: 0, max: 3 }), close: fc.boolean(), gapMs: fc.integer({ min: 0, max: 30_000 }) });
    fc.assert(
      fc.property(fc.constantFrom('source', 'source-destination') as fc.Arbitrary<StickyConfig['by']>, fc.integer({ min: 0, max: 60_000 }), fc.array(event, { maxLength: 80 }), (by, timeoutMs, events) => {
        const balancer = sticky({ by, timeoutMs });
        const state = new Map<string, { link: string; open: number; lastClosedMs: number }>();
        let nowMs = 0;
        for (const e of events) {
          nowMs += e.gapMs;
          const flow = flowTo(`192.0.2.${e.destination}`);
          const key = by === 'source' ? '' : flow.destinationAddress;
          const binding = state.get(key);
          if (e.close && binding !== undefined && binding.open > 0) {
            balancer.closed!(flow, binding.link, nowMs);
            binding.open--;
            binding.lastClosedMs = nowMs;
            continue;
          }
          const link = balancer.pick(flow, view(), nowMs)!;
          if (binding !== undefined && (binding.open > 0 || nowMs < binding.lastClosedMs + timeoutMs)) {
            expect(link).toBe(binding.link);
            binding.open++;
          } else state.set(key, { link, open: 1, lastClosedMs: nowMs });
        }
      }),
    );
  });
});
