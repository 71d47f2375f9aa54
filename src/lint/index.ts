import { buildWorldConfig } from '../run/build-world.js';
import type { Scenario } from '../scenario/schema/index.js';
import { analyseSmtpEgress } from './egress.js';
import { vacuousExpectations } from './rules/expectations.js';
import { smtpLinkIdentity } from './rules/identity.js';
import { linkWithoutNat } from './rules/nat.js';
import { relayLimitBelowPeak } from './rules/relay-limit.js';
import { routeOutsideGroup, shadowedRoutes } from './rules/routes.js';
import { smarthostReachability } from './rules/smarthost.js';
import { spfCoverage } from './rules/spf.js';
import type { Finding, LintContext, LintRule } from './types.js';

export { analyseSmtpEgress, natAddress, type ServerEgress, type SmtpEgress } from './egress.js';
export { formatFindings, positionFindings, type PositionedFinding } from './format.js';
export { spfRecordOf, spfWithAddress } from './rules/spf.js';
export type { Finding, FindingSeverity } from './types.js';

/** Every rule, in the order findings are reported when they share a position. */
export const lintRules: readonly LintRule[] = [smtpLinkIdentity, spfCoverage, smarthostReachability, relayLimitBelowPeak, linkWithoutNat, routeOutsideGroup, shadowedRoutes, vacuousExpectations];

/**
 * Lints a validated scenario without simulating it. `raw` is the YAML as parsed, before the
 * schema's transforms (to place findings in `x` versus `[x]` forms).
 */
export function lintScenario(scenario: Scenario, raw: unknown): Finding[] {
  const config = buildWorldConfig({ ...scenario, traffic: { ...scenario.traffic, generate: undefined, messages: [] } });
  const context: LintContext = { scenario, config, egress: analyseSmtpEgress(config), raw };
  return lintRules.flatMap((rule) => rule(context));
}
