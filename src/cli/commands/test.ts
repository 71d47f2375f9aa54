import { evaluateExpectations } from '../../run/expectations.js';
import { RunSession } from '../../run/session.js';
import { formatDiagnostics } from '../../scenario/format-diagnostic.js';
import { loadScenarioText } from '../../scenario/load-scenario.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenarioTraffic } from '../scenario-traffic.js';
import { findScenarioFiles } from './find-scenarios.js';
import { formatJunit, type ScenarioTestResult } from './junit.js';

/**
 * `egress-sim test`: runs every scenario found and checks its expectations, one PASS/FAIL line
 * each with the measured value. Exit 1 when any fails, 2 when a scenario is unusable (the others
 * still run), and `--junit FILE` writes the results for a CI system.
 */
export function testCommand(paths: readonly string[], junit: string | undefined, seed: number | undefined, io: CliIo): number {
  const files = findScenarioFiles(paths, io);
  if (files.length === 0) {
    io.stderr(`egress-sim: error: no scenario files (.yaml, .yml) in ${paths.join(', ')}\n`);
    return exitCodes.usage;
  }
  const outcomes = files.map((file) => testScenario(file, seed, io));
  io.stdout(formatSummary(outcomes));
  if (junit !== undefined) {
    try {
      io.writeFile(junit, formatJunit(outcomes));
    } catch (error) {
      io.stderr(`${junit}: error: cannot write the JUnit report: ${(error as Error).message}\n`);
      return exitCodes.usage;
    }
  }
  if (outcomes.some((outcome) => outcome.kind === 'invalid')) return exitCodes.usage;
  const failed = outcomes.some((outcome) => outcome.kind === 'ran' && outcome.results.some((result) => !result.passed));
  return failed ? exitCodes.failed : exitCodes.ok;
}

function testScenario(file: string, seed: number | undefined, io: CliIo): ScenarioTestResult {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file; check the path' : (error as Error).message;
    io.stderr(`${file}: error: cannot read the scenario: ${reason}\n`);
    return { file, kind: 'invalid', error: `cannot read the scenario: ${reason}` };
  }
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) {
    const printed = formatDiagnostics(loaded.diagnostics, text);
    io.stderr(printed);
    return { file, kind: 'invalid', error: printed };
  }
  // A scenario that imports a mail log runs only once the log is read (problems reported there).
  if (!readScenarioTraffic(file, loaded.scenario, io).ok) return { file, kind: 'invalid', error: 'the mail log it imports cannot be used' };
  const session = new RunSession(loaded.scenario, { seed }).runToEnd();
  return { file, kind: 'ran', name: loaded.scenario.name, results: evaluateExpectations(session) };
}

/** The per-expectation lines and the closing count. Pure. */
export function formatSummary(outcomes: readonly ScenarioTestResult[]): string {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const outcome of outcomes) {
    if (outcome.kind === 'invalid') {
      lines.push(`${outcome.file}`, '  ERROR  the scenario is not valid (see above)');
      continue;
    }
    lines.push(`${outcome.file}  ${outcome.name}`);
    if (outcome.results.length === 0) lines.push('  (no expectations)');
    for (const result of outcome.results) {
      if (result.passed) passed++;
      else failed++;
      lines.push(`  ${result.passed ? 'PASS' : 'FAIL'}  ${result.expectation}  (${result.measured})`);
    }
  }
  const invalid = outcomes.filter((outcome) => outcome.kind === 'invalid').length;
  const scenarios = `${outcomes.length} scenario${outcomes.length === 1 ? '' : 's'}`;
  const tail = invalid > 0 ? `, ${invalid} invalid` : '';
  lines.push('', `${scenarios}: ${passed} passed, ${failed} failed${tail}`, '');
  return lines.join('\n');
}
