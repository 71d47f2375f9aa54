import type { Finding, LintContext } from '../types.js';

/**
 * Expectations that cannot tell anything: about a link no traffic can use (they always pass),
 * or about rate limiting where nothing has a limit. (Unknown names are errors of `check`'s
 * validation, before the lint.)
 */
export function vacuousExpectations(context: LintContext): Finding[] {
  const { scenario, config } = context;
  const reachable = new Set([...config.firewall.loadBalancing.members.map((member) => member.link), ...config.firewall.policyRoutes.map((route) => route.via)]);
  const hasLimits = config.relays.some((relay) => relay.policy.limits.length > 0) || [config.receivers.defaultPolicy, ...config.receivers.shares.map((share) => share.policy), ...config.receivers.byDomain.values()].some((policy) => policy.limits.length > 0);
  const findings: Finding[] = [];
  scenario.expect.forEach((expectation, index) => {
    const link = 'no_attempts_via' in expectation ? (typeof expectation.no_attempts_via === 'string' ? expectation.no_attempts_via : expectation.no_attempts_via.link)
      : 'no_failures_via' in expectation ? expectation.no_failures_via
      : 'failures_via' in expectation ? expectation.failures_via.link : undefined;
    if (link !== undefined && !reachable.has(link)) {
      findings.push({ rule: 'expectation-vacuous', severity: 'warning', path: ['expect', index], message: `this expectation is about ${link}, which is neither in the load-balancing group nor named by a policy route: nothing can leave by it, so it always passes`, fix: `name a link the traffic can use, or add ${link} to the group` });
    }
    const reason = 'reason' in expectation ? expectation.reason.name : 'no_reason' in expectation ? expectation.no_reason : undefined;
    if (reason === 'rate-limited' && !hasLimits) {
      findings.push({ rule: 'expectation-vacuous', severity: 'warning', path: ['expect', index], message: 'this expectation is about rate limiting, but no relay or receiver policy in the scenario has a limit', fix: 'add a limit to the relay or receiver policy you mean, or drop the expectation' });
    }
  });
  return findings;
}
