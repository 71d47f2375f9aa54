import type { Diagnostic } from './diagnostic.js';
import { crossCheckScenario } from './cross-check.js';
import { scenarioSchema, type Scenario } from './schema/index.js';
import { validateText } from './validate-text.js';

/** A loaded scenario, or every problem with it. */
export type LoadResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Validates a scenario file's text: YAML, schema, then cross-references. Never throws for bad input. */
export function loadScenarioText(text: string, file: string): LoadResult {
  const result = validateText(text, file, scenarioSchema, crossCheckScenario);
  return result.ok ? { ok: true, scenario: result.value } : { ok: false, diagnostics: result.diagnostics };
}
