import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MailNotice } from '../../../src/model/world/notices.js';
import type { AttemptRecord } from '../../../src/model/world/types.js';
import { RunSession } from '../../../src/run/session.js';
import { loadScenarioText } from '../../../src/scenario/load-scenario.js';
import { scenarioSchema } from '../../../src/scenario/schema/index.js';

/** One link with a PTR, one gateway delivering directly, and whatever the test adds. */
function run(parts: { dns?: Record<string, unknown>; gateway?: Record<string, unknown>; internet?: Record<string, unknown>; messages: unknown[]; duration?: string }) {
  const scenario = scenarioSchema.parse({
    name: 't', start: '2008-02-07T09:00:00+11:00', duration: parts.duration ?? '2h', seed: 1,
    links: [{ name: 'X1', isp: 'bigpond', address: '203.0.113.10' }],
    firewall: { load_balancing: { mode: 'failover', members: ['X1'] } },
    dns: { 'mail.example.com': { A: ['203.0.113.10'] }, '203.0.113.10': { PTR: 'mail.example.com' }, ...parts.dns },
    mail: [{ name: 'gateway', address: '192.168.1.10', helo: 'mail.example.com', retry: 'postfix', ...parts.gateway }],
    internet: parts.internet ?? {},
    traffic: { messages: parts.messages },
  });
  const session = new RunSession(scenario);
  const notices: MailNotice[] = [];
  session.subscribe((event) => {
    if (event.type === 'notice') notices.push(event.notice);
  });
  session.runToEnd();
  const attempts = (id: string): readonly AttemptRecord[] => session.messages.find((m) => m.spec.id === id)!.attempts;
  return { session, attempts, notices };
}

const twoMx = {
  'dest.example': { MX: [[10, 'mx1.dest.example'], [20, 'mx2.dest.example']] },
  'mx1.dest.example': { A: ['192.0.2.11'] },
  'mx2.dest.example': { A: ['192.0.2.12'] },
};
const oneConnectionAnHour = {
  receivers: { default: 'capped', policies: [{ name: 'capped', limit: { max: 1, per: '1h', count: 'connections', reply: '421 4.7.0 too busy', stage: 'CONNECT' } }] },
};
const to = (id: string, at: string, recipients = ['a@dest.example']) => ({ id, at, from: 's@example.com', to: recipients });

describe('inside mail servers: MX fallback, suspension, fallback relay, per-destination concurrency', () => {
  it('a 4xx from the best MX moves the delivery on to the next MX at once', () => {
    const { attempts } = run({ dns: twoMx, internet: oneConnectionAnHour, messages: [to('m1', '1m'), to('m2', '2m')] });
    expect(attempts('m1').map((a) => `${a.nextHop} ${a.outcome}`)).toEqual(['mx1.dest.example accepted']);
    const second = attempts('m2');
    expect(second.map((a) => `${a.nextHop} ${a.reply.code} ${a.outcome}`)).toEqual(['mx1.dest.example 421 deferred', 'mx2.dest.example 250 accepted']);
    expect(second[0]!.retryAtMs).toBe(second[0]!.endMs);
    expect(second[1]!.atMs).toBe(second[0]!.endMs);
  });

  it('a 421 at the greeting from every MX suspends the destination: other messages are deferred without connecting', () => {
    const { attempts } = run({ dns: twoMx, internet: oneConnectionAnHour, messages: [to('m1', '1m'), to('m2', '2m'), to('m3', '3m'), to('m4', '3m30s')] });
    expect(attempts('m3').slice(0, 2).map((a) => `${a.nextHop} ${a.reply.code}`)).toEqual(['mx1.dest.example 421', 'mx2.dest.example 421']);
    const suspended = attempts('m4')[0]!;
    expect(suspended).toMatchObject({ reason: 'suspended', link: null, outcome: 'deferred', reply: { code: 421, stage: 'CONNECT' } });
    expect(suspended.reply.text).toBe('delivery temporarily suspended: host mx2.dest.example[192.0.2.12] said: 421 4.7.0 too busy');
    expect(suspended.endMs).toBe(suspended.atMs);
  });

  it('a 421 at MAIL defers that message only: nothing is suspended', () => {
    const internet = { receivers: { default: 'capped', policies: [{ name: 'capped', limit: { max: 1, per: '1h', reply: '421 4.7.0 too much mail', stage: 'MAIL' } }] } };
    const { session } = run({ internet, messages: [to('m1', '1m', ['a@other.example']), to('m2', '2m', ['a@other.example']), to('m3', '2m10s', ['a@other.example'])] });
    const all = session.messages.flatMap((m) => m.attempts);
    expect(all.filter((a) => a.reply.code === 421).length).toBeGreaterThanOrEqual(2);
    expect(all.some((a) => a.reason === 'suspended')).toBe(false);
  });

  it('mail the MX hosts defer goes to the fallback relay', () => {
    const internet = {
      ...oneConnectionAnHour,
      relays: [{ name: 'fallback.isp.example', address: '61.9.168.20', accepts: { isp: 'bigpond' } }],
    };
    const { attempts } = run({ dns: twoMx, internet, gateway: { fallback_relay: 'fallback.isp.example' }, messages: [to('m1', '1m'), to('m2', '2m'), to('m3', '3m')] });
    const third = attempts('m3');
    expect(third.map((a) => `${a.nextHop} ${a.outcome}`)).toEqual(['mx1.dest.example deferred', 'mx2.dest.example deferred', 'fallback.isp.example accepted']);
  });

  it('per-destination concurrency: sessions to one destination never overlap past the limit', () => {
    const messages = Array.from({ length: 8 }, (_, i) => to(`m${i}`, '1m'));
    const { session } = run({ gateway: { concurrency: 8, destination_concurrency: 2 }, messages: [...messages, to('other', '1m', ['x@elsewhere.example'])] });
    const sessions = session.messages.flatMap((m) => m.attempts).filter((a) => a.nextHop === 'mx.dest.example');
    expect(sessions).toHaveLength(8);
    for (const a of sessions) expect(sessions.filter((b) => b.atMs <= a.atMs && b.endMs > a.atMs).length).toBeLessThanOrEqual(2);
    const other = session.messages.find((m) => m.spec.id === 'other')!.attempts[0]!;
    expect(other.atMs).toBe(60_000);
  });
});

describe('multi-recipient messages and notices', () => {
  it('recipients answered differently at RCPT get their own attempts; the deferred one is retried alone', () => {
    const internet = { receivers: { default: 'grey', policies: [{ name: 'grey', checks: { greylist: { auto_whitelist: 0 } } }] } };
    const { attempts, session } = run({ internet, messages: [to('m1', '1m', ['old@dest.example']), to('m2', '20m', ['old@dest.example', 'new@dest.example'])] });
    const m2 = attempts('m2');
    expect(m2[0]).toMatchObject({ recipients: ['old@dest.example'], outcome: 'accepted' });
    expect(m2[1]).toMatchObject({ recipients: ['new@dest.example'], outcome: 'deferred', reason: 'greylisted', reply: { code: 450, enhanced: '4.2.0' } });
    expect(m2[1]!.atMs).toBe(m2[0]!.atMs);
    expect(m2.slice(2).every((a) => a.recipients.length === 1 && a.recipients[0] === 'new@dest.example')).toBe(true);
    expect(m2.at(-1)!.outcome).toBe('accepted');
    expect(session.messages.find((m) => m.spec.id === 'm2')!.status).toBe('delivered');
  });

  it('a 5xx bounces with a bounce notice to the sender and is never retried', () => {
    const internet = { blocklists: [{ name: 'bl.example', networks: '203.0.113.0/24' }], receivers: { default: 'microsoft' } };
    const { attempts, notices, session } = run({ internet, messages: [to('m1', '1m')] });
    expect(attempts('m1')).toHaveLength(1);
    expect(session.messages[0]!.status).toBe('bounced');
    expect(notices).toEqual([expect.objectContaining({ kind: 'bounce', messageId: 'm1', to: 's@example.com', recipients: ['a@dest.example'], reason: 'dnsbl-listed' })]);
  });

  it('a message deferred past its delay-notice time sends one delay notice', () => {
    const { notices } = run({ internet: oneConnectionAnHour, gateway: { delay_notice: '20m' }, messages: [to('m1', '1m'), to('m2', '2m')], duration: '3h' });
    const delays = notices.filter((n) => n.kind === 'delay');
    expect(delays).toHaveLength(1);
    expect(delays[0]).toMatchObject({ messageId: 'm2', reason: 'rate-limited' });
    expect(delays[0]!.queuedForMs).toBeGreaterThanOrEqual(20 * 60_000);
  });
});

describe('scenarios/mail', () => {
  for (const file of readdirSync('scenarios/mail').filter((name) => name.endsWith('.yaml'))) {
    it(`${file} loads, starts with the schema comment, and meets its expectations`, async () => {
      const text = readFileSync(`scenarios/mail/${file}`, 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=../scenario.schema.json')).toBe(true);
      const loaded = loadScenarioText(text, file);
      if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
      const { buildReport } = await import('../../../src/run/report.js');
      const report = buildReport(new RunSession(loaded.scenario).runToEnd(), file);
      expect(report.expectations.length).toBeGreaterThan(0);
      for (const expectation of report.expectations) expect(expectation).toMatchObject({ passed: true });
    });
  }
});
