import { Random } from '../../core/random.js';
import { handshakeDelayMs } from './connect.js';
import { LinkHealth } from './link-health.js';
import { RateMeter } from './rate-meter.js';
import type { LinkSpec } from './types.js';
import { Uplink } from './uplink.js';

/**
 * The site's links as they really are: health (real state, probes, loss) and uplinks
 * (bandwidth, load). The world asks it how a connection fares; the firewall reads the egress
 * rate from it for spill-over.
 */
export class Network {
  private readonly health = new Map<string, LinkHealth>();
  private readonly uplinks = new Map<string, Uplink>();
  /** The latest time any link really went down, so the common case skips per-link lookups. */
  private lastAnyDownMs = Number.NEGATIVE_INFINITY;

  /** @param seed seeds the loss draws; the same seed gives the same losses. */
  constructor(links: readonly LinkSpec[], seed: number) {
    const random = new Random((seed ^ 0x6c696e6b) >>> 0);
    for (const link of links) {
      this.health.set(link.name, new LinkHealth(link.name, link.detection, link.lossRate, random.fork()));
      this.uplinks.set(link.name, new Uplink(link.uplinkKbps, link.meterWindowMs === undefined ? undefined : new RateMeter(link.meterWindowMs)));
    }
  }

  /** A link's health; throws for an unknown name (the scenario check rules that out). */
  link(name: string): LinkHealth {
    const health = this.health.get(name);
    if (health === undefined) throw new Error(`unknown link ${name}: the scenario check should have caught it`);
    return health;
  }

  /** Every link's health, in scenario order. */
  links(): IterableIterator<LinkHealth> {
    return this.health.values();
  }

  /** Sets a link's real state; returns true when the firewall's belief changed at once with it. */
  setReal(name: string, up: boolean, nowMs: number): boolean {
    if (!up) this.lastAnyDownMs = nowMs;
    return this.link(name).setReal(up, nowMs);
  }

  /** Ms until a connection out `name` is made, or -1 when it times out (link dead, or every SYN lost). */
  handshakeDelayMs(name: string): number {
    return handshakeDelayMs(this.link(name));
  }

  /** Queues a transfer on the link's uplink; returns when it ends, ms. */
  send(name: string, startMs: number, bytes: number): number {
    return this.uplinks.get(name)!.send(startMs, bytes);
  }

  /** The link's egress rate over its meter window, kbit/s. */
  rateKbps(name: string, nowMs: number): number {
    return this.uplinks.get(name)?.rateKbps(nowMs) ?? 0;
  }

  /** When `name` last really went down at or after `sinceMs`, or -1 when it did not. */
  wentDownSince(name: string, sinceMs: number): number {
    if (this.lastAnyDownMs < sinceMs) return -1;
    const downMs = this.link(name).lastDownMs;
    return downMs >= sinceMs ? downMs : -1;
  }
}
