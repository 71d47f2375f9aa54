import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/model/world/types.js';
import { RunSession } from '../../../src/run/session.js';
import { scenarioSchema } from '../../../src/scenario/schema/index.js';

/** One 10 MB message at 60 s over a 1 Mbit/s X1 (80 s of data), X1 failing at 100 s. */
function bigTransfer(firewall: Record<string, unknown>, outage = true, dns: Record<string, unknown> = {}) {
  return scenarioSchema.parse({
    name: 'one big transfer', start: '2024-03-12T08:00:00+10:00', duration: '2h', seed: 1,
    links: [
      { name: 'X1', address: '203.0.113.10', uplink_kbps: 1000, ...(outage ? { outages: [{ from: '100s', to: '1h' }] } : {}) },
      { name: 'X2', address: '198.51.100.20', uplink_kbps: 1000 },
    ],
    firewall: { load_balancing: { mode: 'failover', members: ['X1', 'X2'] }, ...firewall },
    dns: { 'a.example': { A: ['203.0.113.10'] }, ...dns },
    mail: [{ name: 'gateway', address: '192.168.1.10', helo: 'a.example', retry: { schedule: ['5m'], then_every: '5m' } }],
    internet: { receivers: { default: 'postfix-default' } },
    traffic: { messages: [{ at: '60s', from: 'a@a.example', to: ['b@b.example'], size: '10M' }] },
  });
}

function attemptsOf(session: RunSession): readonly AttemptRecord[] {
  return session.messages[0]!.attempts;
}

describe('links in the world', () => {
  it('a transfer takes its time on the uplink: 10 MB at 1000 kbit/s is 80 s', () => {
    const session = new RunSession(bigTransfer({}, false)).runToEnd();
    const [first] = attemptsOf(session);
    expect(first!.outcome).toBe('accepted');
    expect(first!.endMs - first!.atMs).toBeGreaterThanOrEqual(80_000);
    expect(first!.endMs - first!.atMs).toBeLessThan(81_000);
  });

  it('keep: a session whose link really dies stalls, is lost 300 s later, and the retry goes out X2', () => {
    const session = new RunSession(bigTransfer({ probe: { interval: '5s', down_after: 3, up_after: 3 }, existing_connections: 'keep' })).runToEnd();
    const [first, retry] = attemptsOf(session);
    expect(first).toMatchObject({ link: 'X1', reason: 'connection-lost', outcome: 'deferred', endMs: 400_000 });
    expect(retry).toMatchObject({ link: 'X2', outcome: 'accepted' });
  });

  it('a session lost at one MX host falls back to the next at once, and its record says so', () => {
    const twoHosts = bigTransfer({ probe: { interval: '5s', down_after: 3, up_after: 3 }, existing_connections: 'kill' }, true, {
      'b.example': { MX: [[10, 'mx1.b.example'], [20, 'mx2.b.example']] },
      'mx1.b.example': { A: ['192.0.2.1'] },
      'mx2.b.example': { A: ['192.0.2.2'] },
    });
    const [lost, next] = attemptsOf(new RunSession(twoHosts).runToEnd());
    expect(lost).toMatchObject({ nextHop: 'mx1.b.example', reason: 'connection-lost', endMs: 110_000 });
    expect(next).toMatchObject({ nextHop: 'mx2.b.example', atMs: 110_000 });
    // The next try is the fallback, not the retry schedule's: the record must not promise a later one.
    expect(lost!.retryAtMs).toBe(next!.atMs);
  });

  it('kill: the firewall resets the session when its probes mark the link down', () => {
    const session = new RunSession(bigTransfer({ probe: { interval: '5s', down_after: 3, up_after: 3 }, existing_connections: 'kill' })).runToEnd();
    const [first] = attemptsOf(session);
    // Down at 100 s; probes at 100 (missed: the outage event came first), 105, 110.
    expect(first).toMatchObject({ link: 'X1', reason: 'connection-lost', endMs: 110_000 });
    expect(first!.reply.text).toContain('marked X1 down');
  });

  it('reroute on fail-back: a session on the backup is moved (and lost) when the primary is marked up again', () => {
    const scenario = bigTransfer({ existing_connections: 'reroute' }, false);
    const session = new RunSession(scenario);
    session.setLinkUp('X1', false);
    session.runUntil(70_000);
    session.setLinkUp('X1', true);
    session.runToEnd();
    const [first, second] = attemptsOf(session);
    expect(first).toMatchObject({ link: 'X2', reason: 'connection-lost', endMs: 70_000 });
    expect(second).toMatchObject({ link: 'X1', outcome: 'accepted' });
  });

  it('the what-if changes the real state; with probes the firewall learns after the lag', () => {
    const session = new RunSession(bigTransfer({ preset: 'sonicwall' }, false));
    const changes: [string, boolean, number][] = [];
    session.subscribe((event) => {
      if (event.type === 'link-change') changes.push([event.link, event.up, event.atMs]);
    });
    session.runUntil(2_000);
    session.setLinkUp('X1', false);
    session.runUntil(30_000);
    expect(session.world.network.link('X1').reallyUp).toBe(false);
    expect(changes).toEqual([['X1', false, 15_000]]);
  });
});
