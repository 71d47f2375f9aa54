import { formatFindings, lintScenario, positionFindings } from '../../lint/index.js';
import { parseYamlSource } from '../../scenario/yaml-source.js';
import { exitCodes, type CliIo } from '../io.js';
import { readScenario } from '../read-scenario.js';
import { importReport } from '../scenario-traffic.js';

/**
 * `egress-sim check`: validates a scenario (exit 2 when it is unusable), then lints it without
 * simulating: findings go to stdout with their position and a suggested fix; exit 1 when any is
 * an error.
 */
export function checkCommand(file: string, io: CliIo): number {
  const scenario = readScenario(file, io);
  if (scenario === undefined) return exitCodes.usage;
  const text = io.readFile(file);
  const source = parseYamlSource(text, file);
  const findings = positionFindings(lintScenario(scenario, source.ok ? source.value : undefined), text, file);
  io.stdout(formatFindings(findings, text));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const summary = findings.length === 0 ? 'no findings' : [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  io.stdout(`${file}: ${errors > 0 ? 'lint failed' : 'ok'}: ${scenario.name} (${scenario.links.length} links, ${scenario.mail.length} mail servers); ${summary}\n`);
  io.stdout(importReport(scenario));
  return errors > 0 ? exitCodes.failed : exitCodes.ok;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
