import type { Scenario } from '../scenario/schema/index.js';
import { World } from '../model/world/world.js';
import type { MessageRecord } from '../model/world/types.js';
import type { MessageSpec } from '../model/traffic.js';
import type { RunListener } from './run-events.js';
import { linkIdentities, type LinkIdentity } from './link-identity.js';
import { buildWorldConfig } from './build-world.js';
import { RunStats } from './stats.js';
import { WallClock } from './wall-clock.js';

/**
 * One replay of a scenario: the world, its running totals and the wall clock. Headless callers
 * run it to the end; the UI runs it in time-boxed chunks and reads snapshots between them.
 */
export class RunSession {
  readonly world: World;
  /** Each link's public address and PTR name. */
  readonly links: readonly LinkIdentity[];
  readonly stats: RunStats;
  readonly clock: WallClock;
  readonly seed: number;

  /**
   * @param options.seed overrides the scenario's seed.
   * @param options.imported the messages of the scenario's `traffic.import`, read and placed on its
   *   clock by the caller (the CLI streams the log before it builds the session).
   */
  constructor(readonly scenario: Scenario, options: { seed?: number; imported?: readonly MessageSpec[] } = {}) {
    this.seed = options.seed ?? scenario.seed;
    this.clock = new WallClock(scenario.start);
    this.stats = new RunStats(scenario.links.map((link) => link.name));
    this.world = new World(buildWorldConfig(scenario, this.seed, options.imported), this.stats);
    this.links = linkIdentities(scenario, this.world.destinations.identity);
  }

  /** Every message of the run, in submission order; records grow as the run goes on. */
  get messages(): readonly MessageRecord[] {
    return this.world.messages;
  }

  /** Simulated time now, ms from the start. */
  get nowMs(): number {
    return this.world.sim.nowMs;
  }

  /** The end of the scenario window, ms. */
  get endMs(): number {
    return this.scenario.duration;
  }

  /** Whether nothing is left to happen inside the window. */
  get done(): boolean {
    const next = this.world.sim.peek();
    return next === undefined || next > this.endMs;
  }

  /** Subscribes to run events. */
  subscribe(listener: RunListener): () => void {
    return this.stats.subscribe(listener);
  }

  /** Handles the next event inside the window; false when there is none. */
  step(): boolean {
    if (this.done) return false;
    return this.world.sim.step();
  }

  /** Runs up to `untilMs` (capped at the window's end), at most `maxEvents` events; returns how many ran. */
  runUntil(untilMs: number, maxEvents?: number): number {
    return this.world.sim.run(Math.min(untilMs, this.endMs), maxEvents);
  }

  /** Runs the whole window. */
  runToEnd(): this {
    this.runUntil(this.endMs);
    return this;
  }

  /** Takes a link down or brings it up now: a what-if applied at the current simulated time. */
  setLinkUp(link: string, up: boolean): void {
    this.world.setLinkUp(link, up);
  }
}
