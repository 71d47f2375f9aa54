import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../src/run/report.js';
import { RunSession } from '../../src/run/session.js';
import { loadScenarioText } from '../../src/scenario/load-scenario.js';

function runStory(name: string): Report {
  const file = `scenarios/bigpond/${name}.yaml`;
  const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return buildReport(new RunSession(loaded.scenario).runToEnd(), file);
}

const outside = (report: Report) => report.messages.flatMap((m) => m.attempts).filter((a) => a.link !== null);

describe('the BigPond story, step by step', () => {
  it('01 single WAN: every message delivered', () => {
    const report = runStory('01-single-wan');
    expect(report.totals.messages).toBeGreaterThan(300);
    expect(report.totals.delivered).toBe(report.totals.messages);
    expect(report.expectations.every((e) => e.passed)).toBe(true);
  });

  it('02 load balanced: failures through X2 only, all about its missing PTR', () => {
    const report = runStory('02-load-balanced');
    const failed = outside(report).filter((a) => a.outcome !== 'accepted');
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((a) => a.link))).toEqual(new Set(['X2']));
    expect(new Set(failed.map((a) => a.reason))).toEqual(new Set(['no-ptr']));
    const x1 = report.links.find((l) => l.name === 'X1')!;
    expect(x1.deferred + x1.rejected).toBe(0);
    expect(report.links.find((l) => l.name === 'X2')!.ptr).toBeNull();
  });

  it('03 smarthost: the relay answers 421 at MAIL through X1, and the queue passes 50 within 30 minutes', () => {
    const report = runStory('03-smarthost-workaround');
    const refusals = outside(report).filter((a) => a.reply.code === 421).sort((a, b) => a.at.localeCompare(b.at));
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) expect(refusal).toMatchObject({ link: 'X1', nextHop: 'mail.bigpond.com', reason: 'rate-limited', rule: 'policy-route:relay-via-adsl', reply: { text: 'message rejected', stage: 'MAIL' } });
    const firstMs = Date.parse(refusals[0]!.at);
    const gateway = report.queues.find((q) => q.server === 'mailmarshal')!;
    expect(gateway.peakDepth).toBeGreaterThan(50);
    // Depth at first-421 + 30 min, rebuilt from the messages' own times at the gateway.
    const checkAt = firstMs + 30 * 60_000;
    const depthAt = report.messages.filter((m) => {
      const handedOver = m.attempts.find((a) => a.server === 'exchange' && a.outcome === 'accepted');
      if (handedOver === undefined || Date.parse(handedOver.at) > checkAt) return false;
      return m.finishedAt === null || Date.parse(m.finishedAt) > checkAt;
    }).length;
    expect(depthAt).toBeGreaterThan(50);
  });

  it('04 policy route fix: every message delivered, none through X2', () => {
    const report = runStory('04-policy-route-fix');
    expect(report.totals.delivered).toBe(report.totals.messages);
    expect(report.links.find((l) => l.name === 'X2')!.attempts).toBe(0);
    expect(outside(report).every((a) => a.rule === 'policy-route:smtp-via-adsl')).toBe(true);
  });
});
