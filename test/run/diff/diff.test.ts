import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRuns, diffScenarios, formatDiff, type MessageOutcome, type RunSummary } from '../../../src/run/diff/index.js';
import { scenarioFromText, smallSite, story } from '../../workflow-fixtures.js';

function summary(messages: MessageOutcome[]): RunSummary {
  const delivered = messages.filter((m) => m.status === 'delivered').length;
  const bounced = messages.filter((m) => m.status === 'bounced').length;
  return { name: 'x', totals: { messages: messages.length, delivered, bounced, pending: messages.length - delivered - bounced, attempts: 0 }, links: new Map(), reasons: new Map(), queuePeaks: new Map(), messages };
}

const outcome = (id: string, status: MessageOutcome['status'], delayMs: number | null = null, links = ['X1']): MessageOutcome => ({ id, status, reason: status === 'delivered' ? null : 'no-ptr', links, attempts: 1, delayMs });

describe('diffRuns', () => {
  it('calls a message worse when its status drops or it arrives minutes later, better the other way', () => {
    const before = summary([outcome('a', 'delivered', 1000), outcome('b', 'bounced'), outcome('c', 'delivered', 1000), outcome('d', 'delivered', 1000)]);
    const after = summary([outcome('a', 'bounced'), outcome('b', 'delivered', 1000), outcome('c', 'delivered', 16 * 60_000), outcome('d', 'delivered', 1500, ['X2'])]);
    const diff = diffRuns(before, after, 4, true);
    expect(Object.fromEntries(diff.changes.map((c) => [c.id, c.verdict]))).toEqual({ a: 'worse', b: 'better', c: 'worse', d: 'changed' });
    expect(diff.worse).toBe(2);
    expect(diff.changes.find((c) => c.id === 'd')!.what).toEqual(['via X1 → X2']);
  });

  it('a run compared with itself has no changes', () => {
    const statuses = fc.constantFrom<MessageOutcome['status']>('delivered', 'pending', 'bounced');
    fc.assert(
      fc.property(fc.array(statuses, { maxLength: 30 }), (list) => {
        const run = summary(list.map((status, i) => outcome(`m${i}`, status, status === 'delivered' ? i * 1000 : null)));
        const diff = diffRuns(run, run, 1, true);
        return diff.changes.length === 0 && diff.worse === 0;
      }),
    );
  });
});

describe('diffScenarios', () => {
  it('02 → 04: the fix delivers every message and takes all traffic off X2', () => {
    const diff = diffScenarios(story('02-load-balanced').scenario, story('04-policy-route-fix').scenario);
    expect(diff.sameTraffic).toBe(true);
    expect(diff.worse).toBe(0);
    expect(diff.better).toBeGreaterThan(0);
    expect(diff.links.find((l) => l.name === 'X2')).toMatchObject({ after: 0 });
    expect(diff.reasons.find((r) => r.name === 'no-ptr')).toMatchObject({ after: 0 });
    const json = JSON.parse(formatDiff(diff, 'json'));
    expect(json.summary.worse).toBe(0);
    expect(formatDiff(diff, 'markdown')).toMatch(/^# Diff: /);
    expect(formatDiff(diff, 'text')).toContain('Queue peaks');
  });

  it('notes when the traffic differs', () => {
    const a = scenarioFromText(smallSite());
    const b = scenarioFromText(smallSite().replace('at: 4m', 'at: 5m'));
    expect(diffScenarios(a, b).sameTraffic).toBe(false);
    expect(formatDiff(diffScenarios(a, b), 'text')).toContain('differ in traffic');
  });
});
