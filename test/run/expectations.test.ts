import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpectations, formatDelay, percentile } from '../../src/run/expectations.js';
import { RunSession } from '../../src/run/session.js';
import { scenarioFromText, smallSite } from '../workflow-fixtures.js';

function results(expect: string, firewall?: string) {
  const scenario = scenarioFromText(smallSite({ expect, firewall }));
  return evaluateExpectations(new RunSession(scenario).runToEnd());
}

describe('expectations', () => {
  it('round robin over a PTR-less link: no_attempts_via, failures_via and no_reason fail with the measured value', () => {
    const [noAttempts, onlyOther, atMost, noReason] = results(
      ['  - { no_attempts_via: X2 }', '  - { no_attempts_via: { link: X2, service: submission } }', '  - { failures_via: { link: X2, at_most: 0 } }', '  - { no_reason: no-ptr }'].join('\n'),
    );
    expect(noAttempts).toMatchObject({ expectation: 'no attempt through X2', passed: false });
    expect(noAttempts!.measured).toMatch(/^[1-9]\d* attempts$/);
    expect(onlyOther).toMatchObject({ expectation: 'no attempt through X2 for submission', passed: true, measured: '0 attempts' });
    expect(atMost!.passed).toBe(false);
    expect(noReason).toMatchObject({ expectation: 'no attempt with reason no-ptr', passed: false });
  });

  it('pinned to X1 by a policy route: every new kind passes', () => {
    const firewall = 'firewall:\n  load_balancing: { mode: round-robin, members: [X1, X2] }\n  policy_routes:\n    - { name: pin, match: { source: 192.168.1.10, service: smtp }, via: X1 }';
    const all = results(
      ['  - { nothing_pending: true }', '  - { no_attempts_via: { link: X2, service: smtp } }', '  - { failures_via: { link: X1, at_most: 0 } }', '  - { queue_peak: { at_most: 2 } }', '  - { delivery_delay: { at_most: 1m } }', '  - { delivery_delay: { percentile: 50, at_most: 30s } }'].join('\n'),
      firewall,
    );
    expect(all.map((r) => r.passed)).toEqual([true, true, true, true, true, true]);
    expect(all[3]!.expectation).toBe('every queue at most 2');
    expect(all[4]!.expectation).toBe('p95 delivery delay at most 1m');
    expect(all[4]!.measured).toMatch(/^p95 \d+(ms|s)$/);
  });

  it('a delay bound too tight fails', () => {
    const [delay] = results('  - { delivery_delay: { at_most: 1ms } }');
    expect(delay!.passed).toBe(false);
  });

  it('percentile is nearest-rank and lies between the minimum and the maximum', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 100)).toBe(5);
    expect(percentile([], 95)).toBeUndefined();
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1 }), fc.integer({ min: 1, max: 100 }), (values, rank) => {
        const p = percentile(values, rank)!;
        return values.includes(p) && p >= Math.min(...values) && p <= Math.max(...values);
      }),
    );
  });

  it('formats delays with units', () => {
    expect([formatDelay(850), formatDelay(40_000), formatDelay(125_000), formatDelay(3_900_000)]).toEqual(['850ms', '40s', '2m05s', '1h05m']);
  });
});
