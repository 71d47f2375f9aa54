import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/run/format/index.js';
import { buildReport } from '../../src/run/report.js';
import { RunSession } from '../../src/run/session.js';
import { loadScenarioText } from '../../src/scenario/load-scenario.js';
import { arbitraryScenario } from '../support/arbitrary-scenario.js';

const file = 'scenarios/bigpond/03-smarthost-workaround.yaml';
const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
if (!loaded.ok) throw new Error('story scenario does not load');
const story = loaded.scenario;

describe('reports', () => {
  it('JSON holds every field DESIGN.md lists', () => {
    const report = JSON.parse(formatReport(buildReport(new RunSession(story).runToEnd(), file), 'json'));
    expect(Object.keys(report.scenario)).toEqual(expect.arrayContaining(['name', 'file', 'seed', 'start', 'end']));
    expect(report.scenario.start).toBe('2008-02-07T08:45:00+11:00');
    expect(report.scenario.end).toBe('2008-02-07T12:45:00+11:00');
    expect(Object.keys(report.totals)).toEqual(['messages', 'delivered', 'bounced', 'pending', 'attempts']);
    expect(Object.keys(report.links[0])).toEqual(expect.arrayContaining(['name', 'address', 'attempts', 'accepted', 'deferred', 'rejected']));
    expect(Object.keys(report.queues[0])).toEqual(expect.arrayContaining(['server', 'peakDepth', 'peakAt', 'endDepth']));
    expect(report.reasons[0]).toEqual({ reason: expect.any(String), count: expect.any(Number) });
    const message = report.messages[0];
    expect(Object.keys(message)).toEqual(expect.arrayContaining(['id', 'from', 'to', 'submittedAt', 'status', 'attempts']));
    expect(Object.keys(message.attempts[0])).toEqual(expect.arrayContaining(['at', 'server', 'nextHop', 'link', 'sourceAddress', 'rule', 'reply', 'reason']));
    expect(Object.keys(message.attempts[0].reply)).toEqual(['code', 'enhanced', 'text', 'stage']);
    expect(message.attempts[0].at).toMatch(/^2008-02-07T\d\d:\d\d:\d\d(\.\d{3})?\+11:00$/);
  });

  it('text and Markdown show the link table, reasons, queue peaks and failed messages', () => {
    const report = buildReport(new RunSession(story).runToEnd(), file);
    const text = formatReport(report, 'text');
    expect(text).toMatch(/Links\n\s+LINK\s+ADDRESS\s+PTR\s+ATTEMPTS\s+ACCEPTED\s+DEFERRED\s+REJECTED/);
    expect(text).toMatch(/X2\s+198\.51\.100\.20\s+\(none\)/);
    expect(text).toMatch(/rate-limited\s+[\d,]+/);
    expect(text).toMatch(/mailmarshal\s+\d+\s+\d\d:\d\d:\d\d/);
    expect(text).toContain('421 message rejected (MAIL)');
    const markdown = formatReport(report, 'markdown');
    expect(markdown).toContain('| LINK | ADDRESS | PTR | ATTEMPTS | ACCEPTED | DEFERRED | REJECTED |');
    expect(markdown).toContain('## Queues');
    expect(markdown).toMatch(/## Not delivered \(\d+\)/);
  });

  it('a different seed gives different traffic', () => {
    const a = buildReport(new RunSession(story).runToEnd(), file);
    const b = buildReport(new RunSession(story, { seed: 8 }).runToEnd(), file);
    expect(b.scenario.seed).toBe(8);
    expect(b.messages.map((m) => m.submittedAt)).not.toEqual(a.messages.map((m) => m.submittedAt));
  });

  it('property (determinism): the same scenario and seed give a byte-identical JSON report', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const first = formatReport(buildReport(new RunSession(scenario).runToEnd(), 'x.yaml'), 'json');
        const second = formatReport(buildReport(new RunSession(scenario).runToEnd(), 'x.yaml'), 'json');
        expect(second).toBe(first);
      }),
      { numRuns: 30 },
    );
  });
});
