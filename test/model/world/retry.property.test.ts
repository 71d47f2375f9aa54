import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunSession } from '../../../src/run/session.js';
import { arbitraryScenario } from '../../support/arbitrary-scenario.js';

const minute = 60_000;
/** The gaps each profile may wait after a failure (postfix: anything from 300 s to 4000 s, then the next queue run). */
const gapsOf: Record<string, readonly number[]> = {
  'exchange-2016': [5 * minute, 15 * minute],
  'exchange-2003': [15 * minute, 30 * minute, 60 * minute, 240 * minute],
};

describe('property: in a replay, retry times follow the server profile', () => {
  it('each deferred attempt is retried at a gap of its profile (postfix: on a queue run), or at once by the next MX', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const session = new RunSession(scenario).runToEnd();
        const profileOf = new Map(scenario.mail.map((server) => [server.name, server.retry as string]));
        for (const message of session.messages) {
          for (const attempt of message.attempts) {
            if (attempt.outcome !== 'deferred' || attempt.retryAtMs === null || attempt.retryAtMs === attempt.endMs) continue;
            const profile = profileOf.get(attempt.server)!;
            const gap = attempt.retryAtMs - attempt.endMs;
            if (profile === 'postfix') {
              expect(attempt.retryAtMs % 300_000).toBe(0);
              expect(gap).toBeGreaterThanOrEqual(300_000);
              expect(gap).toBeLessThan(4_000_000 + 300_000);
            } else {
              expect(gapsOf[profile]).toContain(gap);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
