import { readFileSync } from 'node:fs';
import { RunSession } from '../../src/run/session.js';
import { loadScenarioText } from '../../src/scenario/load-scenario.js';
import type { Scenario } from '../../src/scenario/schema/index.js';
import { TuiController, type ControllerOptions } from '../../src/ui/controller/controller.js';

/** The story scenario the issue is about: the 421 storm through X1. */
export const storyFile = 'scenarios/bigpond/03-smarthost-workaround.yaml';

/** Loads a scenario file, failing the test on diagnostics. */
export function loadScenario(file = storyFile): Scenario {
  const result = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not load: ${JSON.stringify(result.diagnostics)}`);
  return result.scenario;
}

/** Loads scenario text, failing the test on diagnostics. */
export function scenarioFromText(text: string): Scenario {
  const result = loadScenarioText(text, 'test.yaml');
  if (!result.ok) throw new Error(`test scenario does not load: ${JSON.stringify(result.diagnostics)}`);
  return result.scenario;
}

/** A real-time clock the test moves by hand. */
export function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A controller on a scenario with a hand-moved clock: ticks only when the test says so. */
export function testController(scenario: Scenario = loadScenario(), options: Partial<ControllerOptions> = {}): { controller: TuiController; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock();
  const controller = new TuiController({ createSession: () => new RunSession(scenario), now: clock.now, columns: 120, rows: 40, ...options });
  return { controller, clock };
}

/** Ticks the controller `times` times, `ms` of real time apart. */
export function play(controller: TuiController, clock: ReturnType<typeof manualClock>, times: number, ms = 50): void {
  for (let i = 0; i < times; i++) {
    clock.advance(ms);
    controller.tick();
  }
}

/** A small scenario: two links, the second without PTR, round robin, direct delivery, listed mail. */
export const smallScenarioText = `
name: small
start: 2024-01-01T09:00:00+10:00
duration: 1h
seed: 3
links:
  - { name: X1, isp: a, address: 203.0.113.10 }
  - { name: X2, isp: b, address: 198.51.100.20 }
firewall:
  load_balancing: { mode: round-robin, members: [X1, X2] }
dns:
  example.com: { MX: [[10, mail.example.com]], TXT: ["v=spf1 ip4:203.0.113.10 ip4:198.51.100.20 -all"] }
  mail.example.com: { A: [203.0.113.10] }
  203.0.113.10: { PTR: mail.example.com }
mail:
  - { name: gw, address: 192.168.1.10, helo: mail.example.com, retry: exchange-2003 }
internet:
  receivers: { default: postfix-strict }
traffic:
  messages:
    - { at: 1m, from: a@example.com, to: x@one.test }
    - { at: 2m, from: a@example.com, to: y@two.test }
    - { at: 3m, from: b@example.com, to: [z@three.test, w@four.test] }
    - { at: 4m, from: b@example.com, to: v@five.test }
`;
