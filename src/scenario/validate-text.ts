/**
 * The whole "scenario text in, validated value or diagnostics out" pipeline:
 * YAML, then the schema, then checks across parts of the value (names that
 * must refer to something defined elsewhere, and the like).
 *
 * @module
 */

import { z } from 'zod';
import { sortDiagnostics, toPathSegments, type Diagnostic } from './diagnostic.js';
import { parseYamlSource, type LocatePart } from './yaml-source.js';
import { zodIssuesToDiagnostics } from './zod-diagnostics.js';

/** A problem found by a cross-check, placed by its path in the source document. */
export interface CrossCheckProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** Point at the key rather than the value; defaults to the value. */
  readonly part?: LocatePart;
}

/**
 * A check over a schema-valid value that one field's schema cannot express.
 * Paths name places in the source document, so a check that reads renamed
 * or transformed fields must map them back itself.
 */
export type CrossCheck<T> = (value: T) => readonly CrossCheckProblem[];

/** The outcome of {@link validateText}. */
export type ValidateResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/**
 * Validates scenario text against `schema`. YAML problems are reported
 * alone (the value is not trustworthy enough to check further); otherwise
 * every schema problem, or failing that every cross-check problem, is
 * reported at once, sorted by position. User input never makes it throw; a
 * schema transform or cross-check that throws is a program bug and does.
 */
export function validateText<S extends z.core.$ZodType>(
  text: string,
  file: string,
  schema: S,
  crossCheck?: CrossCheck<z.output<S>>,
): ValidateResult<z.output<S>> {
  const source = parseYamlSource(text, file);
  if (!source.ok) return { ok: false, diagnostics: sortDiagnostics(source.diagnostics) };

  // `reportInput` lets messages quote what the user wrote ("got \"roundrobin\"").
  const parsed = z.safeParse(schema, source.value, { reportInput: true });
  if (!parsed.success) {
    const diagnostics = zodIssuesToDiagnostics(parsed.error.issues, schema, source.locate, file);
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }

  const problems = crossCheck?.(parsed.data) ?? [];
  if (problems.length === 0) return { ok: true, value: parsed.data };
  const diagnostics = problems.map((problem): Diagnostic => {
    const { line, column, length } = source.locate(problem.path, problem.part ?? 'value');
    const path = toPathSegments(problem.path);
    return { file, line, column, length, path, message: problem.message, severity: 'error' };
  });
  return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
}
