import { formatReport, type ReportFormat } from '../../run/format/index.js';
import { buildReport } from '../../run/report.js';
import { RunSession } from '../../run/session.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';

/** `egress-sim run`: replays headless and prints the report; exit 1 when an expectation fails. */
export function runCommand(file: string, format: ReportFormat, seed: number | undefined, io: CliIo): number {
  const scenario = readScenario(file, io);
  if (scenario === undefined) return exitCodes.usage;
  const session = new RunSession(scenario, { seed }).runToEnd();
  const report = buildReport(session, file);
  io.stdout(formatReport(report, format));
  const failed = report.expectations.filter((result) => !result.passed);
  for (const result of failed) io.stderr(`${file}: expectation failed: ${result.expectation} (${result.measured})\n`);
  return failed.length > 0 ? exitCodes.failed : exitCodes.ok;
}
