import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, type Report, type ReportAttempt } from '../../src/run/report.js';
import { RunSession } from '../../src/run/session.js';
import { loadScenarioText } from '../../src/scenario/load-scenario.js';

interface Run {
  readonly report: Report;
  /** When the firewall believed each link down, from the report's links[].believedDown, ms since the epoch. */
  readonly believedDown: Map<string, [number, number][]>;
}

function run(name: string): Run {
  const file = `scenarios/lb/${name}.yaml`;
  const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  // Through JSON, as `run --format json` gives it.
  const report = JSON.parse(JSON.stringify(buildReport(new RunSession(loaded.scenario).runToEnd(), file))) as Report;
  const believedDown = new Map(report.links.map((link) => [link.name, link.believedDown.map((w): [number, number] => [Date.parse(w.from), w.to === null ? Number.POSITIVE_INFINITY : Date.parse(w.to)])]));
  return { report, believedDown };
}

const outside = (report: Report): ReportAttempt[] => report.messages.flatMap((m) => m.attempts).filter((a) => a.link !== null);
const during = (windows: readonly [number, number][], at: string): boolean => windows.some(([from, to]) => Date.parse(at) >= from && Date.parse(at) < to);

describe('scenarios/lb', () => {
  it('every scenario loads and meets its own expectations', () => {
    for (const file of readdirSync('scenarios/lb').filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(`scenarios/lb/${file}`, 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=../scenario.schema.json'), file).toBe(true);
      const { report } = run(file.replace(/\.yaml$/, ''));
      expect(report.expectations.filter((e) => !e.passed), file).toEqual([]);
    }
  });

  it('ratio-70-30: links[] splits the connections 70:30 within 2 percentage points', () => {
    const { report } = run('ratio-70-30');
    const x1 = report.links.find((l) => l.name === 'X1')!.attempts;
    const x2 = report.links.find((l) => l.name === 'X2')!.attempts;
    expect(x1 + x2).toBeGreaterThanOrEqual(1000);
    expect(Math.abs((100 * x1) / (x1 + x2) - 70)).toBeLessThanOrEqual(2);
  });

  it('failover-outage: nothing through X1 between the probes marking it down and up; lag attempts time out', () => {
    const { report, believedDown } = run('failover-outage');
    const windows = believedDown.get('X1')!;
    expect(windows).toHaveLength(1);
    const [downMs, upMs] = windows[0]!;
    const outageStartMs = Date.parse('2024-03-12T10:00:02+10:00');
    // SonicWall defaults: three missed probes 5 s apart.
    expect(downMs - outageStartMs).toBeGreaterThanOrEqual(10_000);
    expect(downMs - outageStartMs).toBeLessThan(15_000);
    expect(upMs - Date.parse('2024-03-12T11:00:02+10:00')).toBeGreaterThanOrEqual(10_000);
    const attempts = outside(report);
    expect(attempts.filter((a) => a.link === 'X1' && during(windows, a.at))).toEqual([]);
    const inLag = attempts.filter((a) => a.link === 'X1' && Date.parse(a.at) >= outageStartMs && Date.parse(a.at) < downMs);
    expect(inLag.length).toBeGreaterThan(0);
    for (const attempt of inLag) expect(attempt).toMatchObject({ reason: 'connect-timeout', reply: { code: null, stage: 'CONNECT' } });
    // Preempt: after X1 is marked up, new connections go back to it.
    expect(attempts.filter((a) => Date.parse(a.at) > upMs).every((a) => a.link === 'X1')).toBe(true);
    expect(attempts.some((a) => a.link === 'X2' && during(windows, a.at))).toBe(true);
  });

  it('hash-pcc: a destination on X1 stays on X1 through X2\'s outage; X2\'s go to the backup', () => {
    const { report, believedDown } = run('hash-pcc');
    const down = believedDown.get('X2')!;
    const before = new Map<string, string>();
    const attempts = outside(report).filter((a) => a.reason !== 'connect-timeout');
    for (const a of attempts) if (!during(down, a.at) && Date.parse(a.at) < down[0]![0]) before.set(a.nextHopAddress, a.link!);
    for (const a of attempts.filter((x) => during(down, x.at))) expect(a.link).toBe('X1');
    for (const a of attempts.filter((x) => !during(down, x.at))) if (before.has(a.nextHopAddress)) expect(a.link).toBe(before.get(a.nextHopAddress));
  });

  it('hash-ecmp: while X3 is out, the hash-threshold slices are recomputed and some flows of X1 and X2 move too', () => {
    const { report, believedDown } = run('hash-ecmp');
    const [[fromMs, toMs]] = believedDown.get('X3')! as [[number, number]];
    const attempts = outside(report);
    const before = new Map(attempts.filter((a) => Date.parse(a.at) < fromMs).map((a) => [a.nextHopAddress, a.link]));
    const inOutage = attempts.filter((a) => Date.parse(a.at) >= fromMs && Date.parse(a.at) < toMs && before.has(a.nextHopAddress) && before.get(a.nextHopAddress) !== 'X3');
    expect(inOutage.some((a) => a.link !== before.get(a.nextHopAddress))).toBe(true);
    expect(inOutage.every((a) => a.link !== 'X3')).toBe(true);
  });

  it('tiers-pfsense: the tier-2 4G link carries mail only while both tier-1 links are marked down', () => {
    const { report, believedDown } = run('tiers-pfsense');
    const x3 = outside(report).filter((a) => a.link === 'X3');
    expect(x3.length).toBeGreaterThan(0);
    for (const a of x3) expect(during(believedDown.get('X1')!, a.at) && during(believedDown.get('X2')!, a.at)).toBe(true);
  });

  it('spill-over: X2 gets new flows only when X1 is busy, and fewer than X1', () => {
    const { report } = run('spill-over');
    const x2 = report.links.find((l) => l.name === 'X2')!.attempts;
    expect(x2).toBeGreaterThan(0);
    expect(x2).toBeLessThan(report.links.find((l) => l.name === 'X1')!.attempts);
  });

  it('missing-nat: everything sent out X2 leaves with the private address and times out as no-nat', () => {
    const { report } = run('missing-nat');
    const x2 = outside(report).filter((a) => a.link === 'X2');
    expect(x2.length).toBeGreaterThan(0);
    for (const a of x2) expect(a).toMatchObject({ sourceAddress: '192.168.1.10', reason: 'no-nat', outcome: 'deferred' });
    for (const a of outside(report).filter((x) => x.link === 'X1')) expect(a.sourceAddress).toBe('203.0.113.11');
  });
});
