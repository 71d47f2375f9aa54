import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseScenario, formatAdvice } from '../../src/advise/index.js';
import { applyEdits } from '../../src/advise/edit.js';
import { compareScores } from '../../src/advise/score.js';
import { diffLines, unifiedDiff } from '../../src/advise/line-diff.js';
import { scenarioFromText, story } from '../workflow-fixtures.js';

describe('advise', () => {
  it('on story 3 finds a change that delivers everything, ranks it first, and its text is a valid scenario', () => {
    const { file, text, scenario } = story('03-smarthost-workaround');
    const advice = adviseScenario(text, file, scenario);
    const best = advice.ranked[0]!;
    expect(best.score.delivered).toBe(best.score.messages);
    expect(best.score.failedAttempts).toBe(0);
    expect(advice.baseline.pending).toBeGreaterThan(0);
    expect(best.text).toContain('# The relay only takes mail from BigPond addresses');
    expect(scenarioFromText(best.text).mail[1]!.smarthost).toBeUndefined();
    expect(best.diff).toMatch(/^-\s+smarthost: mail\.bigpond\.com$/m);
    const kinds = new Set(advice.ranked.map((tried) => tried.candidate.kind));
    for (const kind of ['add-ptr', 'direct', 'throttle', 'balancing-mode'] as const) expect(kinds).toContain(kind);
    const throttle = advice.ranked.find((tried) => tried.candidate.kind === 'throttle')!;
    expect(throttle.candidate.title).toContain('every 31s');
    expect(throttle.score.failedAttempts).toBe(0);
    expect(throttle.score.delivered).toBeGreaterThan(advice.baseline.delivered);
    expect(advice.ranked.some((tried) => tried.candidate.title.includes('pin outbound SMTP to X1'))).toBe(true);
    const printed = formatAdvice(advice, 2);
    expect(printed).toContain('1. ');
    expect(printed).toContain('delivers every message');
  });

  it('ranks by bounced, then pending, then failed attempts, then delay', () => {
    const { file, text, scenario } = story('02-load-balanced');
    const ranked = adviseScenario(text, file, scenario).ranked.map((tried) => tried.score);
    expect(ranked.length).toBeGreaterThan(2);
    for (let i = 1; i < ranked.length; i++) expect(compareScores(ranked[i - 1]!, ranked[i]!)).toBeLessThanOrEqual(0);
    expect(compareScores({ ...ranked[0]!, bounced: 1, pending: 0 }, { ...ranked[0]!, bounced: 0, pending: 50 })).toBeGreaterThan(0);
    expect(compareScores({ ...ranked[0]!, pending: 1, failedAttempts: 0 }, { ...ranked[0]!, pending: 0, failedAttempts: 99 })).toBeGreaterThan(0);
  });
});

describe('applyEdits', () => {
  const text = '# top comment\nname: x   # trailing\nlist: [a, b]\nmap:\n  # inner\n  key: 1\n';

  it('keeps comments and untouched lines exactly', () => {
    const out = applyEdits(text, [{ op: 'set', path: ['map', 'key'], value: 2 }]);
    expect(out).toBe('# top comment\nname: x   # trailing\nlist: [a, b]\nmap:\n  # inner\n  key: 2\n');
  });

  it('quotes new text that has spaces', () => {
    const out = applyEdits('dns:\n  a: { TXT: ["v=spf1 -all"] }\n', [{ op: 'set', path: ['dns', 'a', 'TXT'], value: ['v=spf1 ip4:192.0.2.1 -all'] }]);
    expect(out).toContain('TXT: [ "v=spf1 ip4:192.0.2.1 -all" ]');
  });

  it('inserts into and deletes from lists and maps', () => {
    const out = applyEdits(text, [{ op: 'insert', path: ['list'], index: 0, value: 'z' }, { op: 'delete', path: ['name'] }, { op: 'insert', path: ['routes'], index: 0, value: { name: 'r' } }]);
    expect(out).toContain('list: [ z, a, b ]');
    expect(out).not.toContain('name: x');
    expect(out).toMatch(/routes:\n {2}- \{ name: r \}/);
  });
});

describe('line diff', () => {
  it('rebuilds both texts from its operations', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const ops = diffLines(before, after);
        return ops.filter((op) => op.kind !== 'add').map((op) => op.line).join() === before.join() && ops.filter((op) => op.kind !== 'del').map((op) => op.line).join() === after.join();
      }),
    );
  });

  it('prints unified hunks', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'f')).toBe('--- f\n+++ f (changed)\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n \n');
  });
});
