import type { ExpectationResult } from '../../run/expectations.js';

/** One scenario's outcome under `egress-sim test`. */
export type ScenarioTestResult =
  | { readonly file: string; readonly kind: 'ran'; readonly name: string; readonly results: readonly ExpectationResult[] }
  | { readonly file: string; readonly kind: 'invalid'; readonly error: string };

/** The results as JUnit XML (the Ant/Surefire dialect CI systems read): one suite per scenario. */
export function formatJunit(outcomes: readonly ScenarioTestResult[]): string {
  const suites = outcomes.map(suite);
  const tests = outcomes.reduce((sum, o) => sum + (o.kind === 'ran' ? o.results.length : 1), 0);
  const failures = outcomes.reduce((sum, o) => sum + (o.kind === 'ran' ? o.results.filter((r) => !r.passed).length : 0), 0);
  const errors = outcomes.filter((o) => o.kind === 'invalid').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="egress-sim" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(outcome: ScenarioTestResult): string {
  const file = escapeXml(outcome.file);
  if (outcome.kind === 'invalid') {
    return [
      `  <testsuite name="${file}" tests="1" failures="0" errors="1">`,
      `    <testcase classname="${file}" name="scenario is valid">`,
      `      <error message="invalid scenario">${escapeXml(outcome.error)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ].join('\n');
  }
  const failed = outcome.results.filter((result) => !result.passed).length;
  const cases = outcome.results.map((result) => {
    const open = `    <testcase classname="${file}" name="${escapeXml(result.expectation)}">`;
    const body = result.passed
      ? `      <system-out>${escapeXml(result.measured)}</system-out>`
      : `      <failure message="${escapeXml(`measured: ${result.measured}`)}">${escapeXml(`${result.expectation}: measured ${result.measured}`)}</failure>`;
    return `${open}\n${body}\n    </testcase>`;
  });
  return [`  <testsuite name="${file}" tests="${outcome.results.length}" failures="${failed}" errors="0">`, `    <properties><property name="scenario" value="${escapeXml(outcome.name)}"/></properties>`, ...cases, '  </testsuite>'].join('\n');
}

/** Escapes text for XML attribute values and content; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
