import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunSession } from '../../../src/run/session.js';
import { loadScenarioText } from '../../../src/scenario/load-scenario.js';

const file = 'scenarios/bigpond/03-smarthost-workaround.yaml';

function story(rateDelay: string | undefined) {
  const text = readFileSync(file, 'utf8').replace('    smarthost: mail.bigpond.com\n', `    smarthost: mail.bigpond.com\n${rateDelay ? `    rate_delay: ${rateDelay}\n` : ''}`);
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  return new RunSession(loaded.scenario).runToEnd();
}

describe('rate_delay (Postfix default_destination_rate_delay)', () => {
  it('spaces session starts to one destination by at least the delay, so the relay never refuses', () => {
    const session = story('31s');
    const starts = session.messages
      .flatMap((m) => m.attempts)
      .filter((a) => a.server === 'mailmarshal')
      .map((a) => a.atMs)
      .sort((a, b) => a - b);
    expect(starts.length).toBeGreaterThan(100);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(31_000);
    expect(session.stats.reasons.get('rate-limited') ?? 0).toBe(0);
  });

  it('delivers more of the story than no throttle at all', () => {
    expect(story('31s').stats.delivered).toBeGreaterThan(story(undefined).stats.delivered);
  });
});
