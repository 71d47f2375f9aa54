import { describe, expect, it } from 'vitest';
import { formatTrace, parseTraceTime, traceScenario } from '../../../src/run/trace/index.js';
import { scenarioFromText, smallSite, story } from '../../workflow-fixtures.js';

describe('trace', () => {
  it('follows a message through queue, routing, NAT, connection, dialogue and outcome', () => {
    const scenario = scenarioFromText(smallSite());
    const result = traceScenario(scenario, { kind: 'message', id: 'a2' });
    if (!result.ok) throw new Error(result.error);
    const kinds = result.trace.attempts[0]!.steps.map((step) => step.kind);
    expect(kinds).toEqual(['queue', 'route', 'nat', 'connect', 'smtp', 'outcome']);
    const text = formatTrace(result.trace);
    expect(text).toMatch(/^Trace of message a2/);
    expect(text).toContain('load balancing, round-robin, over X1 (up), X2 (up)');
    expect(text).toContain('C: RCPT TO:<y@two.example>');
    expect(text).toMatch(/Result: (delivered|bounced|still pending)/);
  });

  it('names the matching policy route and the routes before it', () => {
    const firewall = 'firewall:\n  load_balancing: { mode: round-robin, members: [X1, X2] }\n  policy_routes:\n    - { name: web, match: { service: tcp/443 }, via: X2 }\n    - { name: pin, match: { source: 192.168.1.10, service: smtp }, via: X1 }';
    const result = traceScenario(scenarioFromText(smallSite({ firewall })), { kind: 'message', id: 'a1' });
    if (!result.ok) throw new Error(result.error);
    const route = result.trace.attempts[0]!.steps.find((step) => step.kind === 'route')!;
    expect(route.details).toContain('policy route web: no match (service tcp/443, not smtp)');
    expect(route.details.some((d) => d.startsWith('policy route pin: match'))).toBe(true);
  });

  it('shows a deferral with its next retry (story 3, the relay limit)', () => {
    const { scenario } = story('03-smarthost-workaround');
    const result = traceScenario(scenario, { kind: 'hypothetical', at: '10:30', from: 'a@example.com.au', to: ['bob@example.org'] });
    if (!result.ok) throw new Error(result.error);
    expect(result.trace.message.hypothetical).toBe(true);
    expect(result.trace.message.submittedAt).toBe('2008-02-07T10:30:00+11:00');
    expect(formatTrace(result.trace)).toMatch(/deferred \(rate-limited\): next try at \d\d:\d\d:\d\d/);
  });

  it('reports an unknown id, a bad time and a bad address as errors', () => {
    const scenario = scenarioFromText(smallSite());
    expect(traceScenario(scenario, { kind: 'message', id: 'a9' })).toMatchObject({ ok: false, error: expect.stringContaining('did you mean "a1"') });
    expect(traceScenario(scenario, { kind: 'hypothetical', at: 'noon', from: 'a@example.com.au', to: ['b@c.example'] })).toMatchObject({ ok: false });
    expect(traceScenario(scenario, { kind: 'hypothetical', at: '3h', from: 'a@example.com.au', to: ['b@c.example'] })).toMatchObject({ ok: false, error: expect.stringContaining('outside') });
    expect(traceScenario(scenario, { kind: 'hypothetical', at: '5m', from: 'nobody', to: ['b@c.example'] })).toMatchObject({ ok: false });
  });

  it('parses offsets, local times and ISO times', () => {
    const start = '2008-02-07T08:45:00+11:00';
    expect(parseTraceTime('1h30m', start)).toBe(90 * 60_000);
    expect(parseTraceTime('09:00', start)).toBe(15 * 60_000);
    expect(parseTraceTime('08:00', start)).toBe(23 * 3_600_000 + 15 * 60_000);
    expect(parseTraceTime('2008-02-07T09:45:00+11:00', start)).toBe(3_600_000);
    expect(parseTraceTime('soon', start)).toBeUndefined();
  });
});
