import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { RunSession } from '../../../src/run/session.js';
import type { Scenario } from '../../../src/scenario/schema/index.js';
import { arbitraryScenario } from '../../support/arbitrary-scenario.js';

const runs = { numRuns: 60 };

function inCidr(address: string, cidr: string): boolean {
  const [net, bits] = ipaddr.parseCIDR(cidr);
  return ipaddr.parse(address).match(net, bits);
}

type Intervals = Map<string, [number, number][]>;

/** Runs a scenario, noting when the firewall believed each link down, from its link-change events. */
function runNotingBeliefs(scenario: Scenario): { session: RunSession; believedDown: Intervals } {
  const session = new RunSession(scenario);
  const believedDown: Intervals = new Map(scenario.links.map((link) => [link.name, []]));
  session.subscribe((event) => {
    if (event.type !== 'link-change') return;
    const list = believedDown.get(event.link)!;
    if (!event.up) list.push([event.atMs, Number.POSITIVE_INFINITY]);
    else if (list.length > 0) list[list.length - 1]![1] = event.atMs;
  });
  session.runToEnd();
  return { session, believedDown };
}

/** Strictly inside one of the intervals (at a boundary the order of same-time events decides). */
const inside = (intervals: readonly [number, number][], atMs: number): boolean => intervals.some(([from, to]) => atMs > from && atMs < to);
const atEdge = (intervals: readonly [number, number][], atMs: number): boolean => intervals.some(([from, to]) => atMs === from || atMs === to);

describe('world invariants (DESIGN.md)', () => {
  it('conservation: every message ends in exactly one of delivered, bounced, pending', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const session = new RunSession(scenario).runToEnd();
        const messages = session.messages;
        const byStatus = { delivered: 0, bounced: 0, pending: 0 };
        for (const message of messages) byStatus[message.status]++;
        expect(byStatus.delivered + byStatus.bounced + byStatus.pending).toBe(messages.length);
        expect(byStatus.delivered).toBe(session.stats.delivered);
        expect(byStatus.bounced).toBe(session.stats.bounced);
        expect(new Set(messages.map((m) => m.spec.id)).size).toBe(messages.length);
        for (const message of messages) {
          expect(message.status === 'pending').toBe(message.finishedAtMs === null);
          if (message.status === 'delivered') expect(message.attempts.some((a) => a.outcome === 'accepted' && a.link !== null)).toBe(true);
        }
        expect(messages.reduce((sum, m) => sum + m.attempts.length, 0)).toBe(session.stats.attempts);
      }),
      runs,
    );
  });

  it('a matching policy route always decides the link while the firewall believes its link is up', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const { session, believedDown } = runNotingBeliefs(scenario);
        const route = scenario.firewall.policy_routes[0];
        if (route === undefined) return;
        const down = believedDown.get(route.via)!;
        for (const message of session.messages) {
          for (const attempt of message.attempts) {
            if (attempt.rule === 'inside' || attempt.nextHopAddress === '' || atEdge(down, attempt.atMs)) continue;
            if (!route.match.destination!.some((cidr) => inCidr(attempt.nextHopAddress, cidr))) continue;
            if (inside(down, attempt.atMs)) {
              expect(attempt.link).not.toBe(route.via);
            } else {
              expect(attempt.link).toBe(route.via);
              expect(attempt.rule).toBe(`policy-route:${route.name}`);
            }
          }
        }
      }),
      runs,
    );
  });

  it('no new connection leaves through a link the firewall knows is down; one out a link really down times out', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const { session, believedDown } = runNotingBeliefs(scenario);
        const instant = scenario.firewall.probe === undefined || scenario.firewall.probe === 'instant';
        for (const message of session.messages) {
          for (const attempt of message.attempts) {
            if (attempt.link === null) continue;
            expect(inside(believedDown.get(attempt.link)!, attempt.atMs)).toBe(false);
            const link = scenario.links.find((l) => l.name === attempt.link)!;
            const outages = link.outages.map((o): [number, number] => [o.from, o.to]);
            // Knowing at once, the firewall never sends into an outage; with probes, only in the detection lag, and it times out.
            if (inside(outages, attempt.atMs)) {
              expect(instant).toBe(false);
              expect(attempt.reason).toBe('connect-timeout');
            }
          }
        }
      }),
      runs,
    );
  });

  it('time never runs backwards: attempts are recorded in end-time order', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const session = new RunSession(scenario);
        const times: number[] = [];
        session.subscribe((event) => times.push(event.atMs));
        session.runToEnd();
        for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
        expect(session.nowMs).toBe(session.endMs);
      }),
      runs,
    );
  });

  it('a 4xx is retried no sooner than its retry time, and a 5xx is never retried', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const session = new RunSession(scenario).runToEnd();
        for (const message of session.messages) {
          message.attempts.forEach((attempt, index) => {
            const key = `${attempt.server}|${attempt.recipients.join(',')}`;
            const later = message.attempts.slice(index + 1).filter((a) => `${a.server}|${a.recipients.join(',')}` === key);
            if (attempt.outcome === 'rejected') {
              expect(attempt.retryAtMs).toBeNull();
              expect(later).toEqual([]);
            }
            if (attempt.outcome === 'deferred' && later[0] !== undefined) {
              expect(attempt.retryAtMs).not.toBeNull();
              expect(later[0].atMs).toBeGreaterThanOrEqual(attempt.retryAtMs!);
            }
          });
        }
      }),
      runs,
    );
  });
});
