import type { Simulator } from '../../core/simulator.js';
import type { Firewall } from '../firewall/firewall.js';
import type { Network } from '../links/network.js';
import { SessionTable } from '../links/sessions.js';
import type { StagedReply } from '../smtp.js';
import { inSession, wakeAt, type Delivery, type NextTryAt } from './delivery.js';
import type { Conversation } from '../smtp-peer.js';
import type { WorldObserver } from './types.js';
import type { WorldEvent } from './world.js';

/** A session whose link dies under it waits this long before giving up (Postfix smtp_*_timeout, 300 s). */
const stalledSessionMs = 300_000;
const smtpPort = 25;

/**
 * Where the links meet the sessions on them: real link changes and probes turn into what the
 * firewall believes, and open sessions are cut when their link fails under them or when the
 * firewall resets or moves them (`existing_connections`). Cut sessions end as `connection-lost`.
 */
export class LinkSessions {
  /** Open sessions per link, kept only when the firewall resets or moves them. */
  private readonly table: SessionTable<Delivery> | undefined;

  constructor(
    private readonly sim: Simulator<WorldEvent>,
    private readonly network: Network,
    private readonly firewall: Firewall,
    private readonly observer: WorldObserver,
    private readonly holdDownMs: number,
    private readonly nextTryAt: NextTryAt,
  ) {
    this.table = firewall.existingConnections === 'keep' ? undefined : new SessionTable();
  }

  /** A link really went down or came up (outage schedule or what-if). */
  realChange(link: string, up: boolean): void {
    if (this.network.setReal(link, up, this.sim.nowMs)) this.believe(link, up);
  }

  /** A probe is due: send it, and the next one an interval later. */
  probe(event: Extract<WorldEvent, { kind: 'probe' }>): void {
    this.sim.schedule(this.sim.nowMs + event.intervalMs, event);
    const health = this.network.link(event.link);
    if (health.probe(this.sim.nowMs)) this.believe(event.link, health.believedUp);
  }

  /** The hold-down after `link` came back has passed: move sessions off the worse members. */
  failBack(link: string): void {
    if (!this.firewall.isLinkUp(link)) return;
    for (const worse of this.firewall.worseThan(link)) this.reset(worse, `the firewall failed back to ${link}`);
  }

  /** The delivery's session has opened. */
  opened(delivery: Delivery): void {
    if (this.table !== undefined && delivery.link !== null) this.table.open(delivery.link, delivery);
  }

  /** The delivery's session, from the inside `sourceAddress`, has ended. */
  closed(delivery: Delivery, sourceAddress: string): void {
    if (delivery.link === null) return;
    this.table?.close(delivery.link, delivery);
    if (this.firewall.tracksClosures) this.firewall.closed({ sourceAddress, destinationAddress: delivery.currentHop!.address, port: smtpPort }, delivery.link, this.sim.nowMs);
  }

  /** A session whose link really went down while it was open stalls, then gives up; true when cut. */
  cutIfLinkFailed(delivery: Delivery): boolean {
    if (delivery.link === null || delivery.conversation!.reply.code === null) return false;
    const downMs = this.network.wentDownSince(delivery.link, delivery.atMs);
    if (downMs < 0) return false;
    this.cut(delivery, Math.max(this.sim.nowMs, downMs + stalledSessionMs), `${delivery.link} went down during the session and nothing came back`);
    return true;
  }

  /** The firewall now believes `link` is up or down: it routes by that, and may act on open sessions. */
  private believe(link: string, up: boolean): void {
    this.firewall.setLinkUp(link, up, this.sim.nowMs);
    this.observer.onLinkChange?.(link, up, this.sim.nowMs);
    const policy = this.firewall.existingConnections;
    if (!up && policy !== 'keep') this.reset(link, `the firewall ${policy === 'kill' ? 'reset' : 're-routed'} it when it marked ${link} down`);
    if (up && policy === 'reroute') this.sim.schedule(this.sim.nowMs + this.holdDownMs, { kind: 'failback', link });
  }

  private reset(link: string, why: string): void {
    for (const delivery of this.table?.openOn(link) ?? []) {
      if (inSession(delivery) && delivery.conversation!.reply.code !== null) this.cut(delivery, this.sim.nowMs, why);
    }
  }

  /** Ends a session early as `connection-lost` at `endMs` (no reply, 4.4.2: retried later). */
  private cut(delivery: Delivery, endMs: number, why: string): void {
    if (delivery.link !== null) this.table?.close(delivery.link, delivery);
    const hop = delivery.currentHop!;
    const old = delivery.conversation!;
    const reply: StagedReply = { code: null, enhanced: '4.4.2', text: `lost connection with ${hop.host}[${hop.address}]: ${why}`, stage: old.reply.stage };
    // Nobody was answered in a lost session, those RCPT refused on their own included: all stay queued.
    const lost: Conversation = { reply, reason: 'connection-lost', checks: old.checks };
    delivery.conversation = lost;
    delivery.endMs = endMs;
    delivery.outcome = 'deferred';
    // A lost session is a temporary failure like any other: the next MX host, if one is left, is tried at once.
    delivery.retryAtMs = this.nextTryAt(delivery, lost, endMs);
    // The end already scheduled is now stale.
    wakeAt(this.sim, delivery, endMs, 'done');
  }
}
