import { describe, expect, it } from 'vitest';
import { escapeXml, formatJunit } from '../../src/cli/commands/junit.js';
import { formatSummary } from '../../src/cli/commands/test.js';

describe('JUnit XML', () => {
  const outcomes = [
    { file: 'a & b.yaml', kind: 'ran' as const, name: 'site "one"', results: [{ expectation: 'every message delivered', passed: false, measured: '3 of 4 delivered' }, { expectation: 'reason no-ptr at most 0', passed: true, measured: '0 times' }] },
    { file: 'bad.yaml', kind: 'invalid' as const, error: 'bad.yaml:1:1: error: <oops>' },
  ];

  it('counts tests, failures and errors, and escapes what it quotes', () => {
    const xml = formatJunit(outcomes);
    expect(xml).toContain('<testsuites name="egress-sim" tests="3" failures="1" errors="1">');
    expect(xml).toContain('<testsuite name="a &amp; b.yaml" tests="2" failures="1" errors="0">');
    expect(xml).toContain('<failure message="measured: 3 of 4 delivered">');
    expect(xml).toContain('<error message="invalid scenario">bad.yaml:1:1: error: &lt;oops&gt;</error>');
    expect(xml).toContain('value="site &quot;one&quot;"');
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0001b\u001b[31m')).toBe('ab[31m');
  });

  it('the summary has one PASS or FAIL line per expectation and a closing count', () => {
    const text = formatSummary(outcomes);
    expect(text).toContain('  FAIL  every message delivered  (3 of 4 delivered)');
    expect(text).toContain('  PASS  reason no-ptr at most 0  (0 times)');
    expect(text).toContain('2 scenarios: 1 passed, 1 failed, 1 invalid');
  });
});
