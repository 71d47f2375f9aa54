import type { Random } from '../../core/random.js';
import type { Detection } from './types.js';

/**
 * One link's health: what it really is (up or down, from the outage schedule or a what-if) and
 * what the firewall believes (from its probes). The two differ during the detection lag.
 */
export class LinkHealth {
  reallyUp = true;
  believedUp = true;
  /** When the firewall last marked the link up, ms (0: up from the start). */
  believedUpSinceMs = 0;
  /** When the link last really went down, ms; -Infinity when it never has. */
  lastDownMs = Number.NEGATIVE_INFINITY;
  private misses = 0;
  private answers = 0;

  constructor(
    readonly name: string,
    readonly detection: Detection,
    private readonly lossRate: number,
    private readonly random: Random,
  ) {}

  /** Sets the real state; returns true when the belief changed with it (instant detection only). */
  setReal(up: boolean, nowMs: number): boolean {
    if (up === this.reallyUp) return false;
    this.reallyUp = up;
    if (!up) this.lastDownMs = nowMs;
    return this.detection.kind === 'instant' ? this.believe(up, nowMs) : false;
  }

  /** Sends one probe now; returns true when its answer (or silence) changed the belief. */
  probe(nowMs: number): boolean {
    if (this.detection.kind !== 'probe') return false;
    const { downAfter, upAfter } = this.detection.probe;
    const answered = this.reallyUp && this.survives() && this.survives();
    if (this.believedUp) {
      this.misses = answered ? 0 : this.misses + 1;
      return this.misses >= downAfter ? this.believe(false, nowMs) : false;
    }
    this.answers = answered ? this.answers + 1 : 0;
    return this.answers >= upAfter ? this.believe(true, nowMs) : false;
  }

  /** Whether one packet gets through the link's loss. */
  survives(): boolean {
    return this.lossRate <= 0 || this.random.next() >= this.lossRate;
  }

  private believe(up: boolean, nowMs: number): boolean {
    if (up === this.believedUp) return false;
    this.believedUp = up;
    this.misses = 0;
    this.answers = 0;
    if (up) this.believedUpSinceMs = nowMs;
    return true;
  }
}
