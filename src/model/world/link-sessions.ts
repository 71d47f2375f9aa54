import type { Simulator } from '../../core/simulator.js';
import type { Firewall } from '../firewall/firewall.js';
import type { Network } from '../links/network.js';
import { SessionTable } from '../links/sessions.js';
import type { StagedReply } from '../smtp.js';
import type { Delivery } from './delivery.js';
import type { AttemptRecord, WorldObserver } from './types.js';
import type { WorldEvent } from './world.js';

/** A session whose link dies under it waits this long before giving up (Postfix smtp_*_timeout, 300 s). */
const stalledSessionMs = 300_000;
const smtpPort = 25;
const noChecks: AttemptRecord['checks'] = [];

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
    private readonly retryAt: (delivery: Delivery, failedAtMs: number) => number | null,
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

  /** A session has opened. */
  opened(delivery: Delivery, attempt: AttemptRecord): void {
    if (this.table !== undefined && attempt.link !== null) this.table.open(attempt.link, delivery);
  }

  /** A session has ended. */
  closed(delivery: Delivery, attempt: AttemptRecord, sourceAddress: string): void {
    if (attempt.link === null) return;
    this.table?.close(attempt.link, delivery);
    if (this.firewall.tracksClosures) this.firewall.closed({ sourceAddress, destinationAddress: attempt.nextHopAddress, port: smtpPort }, attempt.link, this.sim.nowMs);
  }

  /** A session whose link really went down while it was open stalls, then gives up; true when cut. */
  cutIfLinkFailed(delivery: Delivery): boolean {
    const attempt = delivery.current!;
    if (attempt.link === null || attempt.reply.code === null) return false;
    const downMs = this.network.wentDownSince(attempt.link, attempt.atMs);
    if (downMs < 0) return false;
    this.cut(delivery, Math.max(this.sim.nowMs, downMs + stalledSessionMs), `${attempt.link} went down during the session and nothing came back`);
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
      if (delivery.current !== undefined && delivery.current.reply.code !== null) this.cut(delivery, this.sim.nowMs, why);
    }
  }

  /** Ends a session early as `connection-lost` at `endMs` (no reply, 4.4.2: retried later). */
  private cut(delivery: Delivery, endMs: number, why: string): void {
    const old = delivery.current!;
    if (old.link !== null) this.table?.close(old.link, delivery);
    const reply: StagedReply = { code: null, enhanced: '4.4.2', text: `lost connection with ${old.nextHop}[${old.nextHopAddress}]: ${why}`, stage: old.reply.stage };
    const checks = delivery.conversation?.checks ?? noChecks;
    delivery.conversation = { reply, reason: 'connection-lost', checks };
    // Nobody was answered in a lost session, those RCPT refused on their own included: all stay queued.
    const attempt: AttemptRecord = { ...old, endMs, recipients: delivery.recipients, reply, reason: 'connection-lost', checks, outcome: 'deferred', retryAtMs: this.retryAt(delivery, endMs) };
    delivery.current = attempt;
    this.sim.schedule(endMs, { kind: 'done', delivery, attempt });
  }
}
