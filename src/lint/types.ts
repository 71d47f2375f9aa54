import type { WorldConfig } from '../model/world/types.js';
import type { Scenario } from '../scenario/schema/index.js';
import type { SmtpEgress } from './egress.js';

/** How bad a finding is: an error makes `check` exit 1, a warning does not. */
export type FindingSeverity = 'error' | 'warning';

/** One static finding about a scenario, placed by its path in the source document. */
export interface Finding {
  /** A short stable name of the rule, e.g. `smtp-link-no-ptr`. */
  readonly rule: string;
  readonly severity: FindingSeverity;
  /** Where in the document, e.g. `['links', 1, 'address']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong and what it will do. */
  readonly message: string;
  /** What to change, concretely. */
  readonly fix: string;
}

/** What every rule reads: the scenario, the model's view of it, and where SMTP can leave. */
export interface LintContext {
  readonly scenario: Scenario;
  readonly config: WorldConfig;
  readonly egress: SmtpEgress;
  /** The scenario as parsed from YAML, before the schema's transforms, to tell `x` from `[x]`. */
  readonly raw: unknown;
}

/** A lint rule: pure, returns its findings. */
export type LintRule = (context: LintContext) => readonly Finding[];
