import type { AttemptLog } from './attempt-log.js';
import type { DnsZone } from '../dns-zone.js';
import type { FirewallConfig } from '../firewall/types.js';
import type { Detection } from '../links/types.js';
import type { PeerPolicy } from '../peer-policy.js';
import type { Reason } from '../reasons.js';
import type { RetryProfile } from '../retry.js';
import type { StagedReply } from '../smtp.js';
import type { CheckOutcome } from '../smtp-peer.js';
import type { BlocklistConfig } from '../checks/dnsbl.js';
import type { MailNotice } from './notices.js';
import type { MessageSpec } from '../traffic.js';

/** A WAN link of the model. */
export interface LinkConfig {
  readonly name: string;
  readonly isp?: string;
  readonly address: string;
  readonly uplinkKbps: number;
  /** Windows when the link carries nothing, ms from the start. */
  readonly outages: readonly { readonly fromMs: number; readonly toMs: number }[];
  /** Fraction of packets lost each way, 0 to 1; 0 when absent. */
  readonly lossRate?: number;
  /** How the firewall learns the link's state; at once when absent. */
  readonly detection?: Detection;
}

/** Where an inside server sends its mail. */
export type ServerRoute =
  | { readonly kind: 'relay'; readonly to: string }
  | { readonly kind: 'smarthost'; readonly relay: string }
  | { readonly kind: 'direct' };

/** An inside mail server. */
export interface ServerConfig {
  readonly name: string;
  readonly address: string;
  readonly helo: string;
  readonly route: ServerRoute;
  readonly retry: RetryProfile;
  readonly concurrency: number;
  /** Sessions at once to one destination (Postfix default_destination_concurrency_limit, 20). */
  readonly destinationConcurrency?: number;
  /** Least gap between session starts to one outside destination, ms (Postfix default_destination_rate_delay). */
  readonly rateDelayMs?: number;
  /** A relay to hand mail to when every MX (or the smarthost) answered 4xx (Postfix smtp_fallback_relay). */
  readonly fallbackRelay?: string;
  /** The SMTP AUTH account it logs in to relays with. */
  readonly account?: string;
}

/** A relay on the internet. */
export interface RelayConfig {
  readonly name: string;
  readonly address: string;
  readonly policy: PeerPolicy;
}

/** Which receiver policy each recipient domain's mail server follows. */
export interface ReceiverPlacement {
  readonly defaultPolicy: PeerPolicy;
  /** Fractions of the remaining domains per policy, drawn by a seeded hash of the domain name. */
  readonly shares: readonly { readonly policy: PeerPolicy; readonly fraction: number }[];
  readonly byDomain: ReadonlyMap<string, PeerPolicy>;
}

/** Everything a world is built from; units already in ms, bytes, kbit/s. */
export interface WorldConfig {
  readonly durationMs: number;
  readonly seed: number;
  readonly links: readonly LinkConfig[];
  readonly firewall: FirewallConfig;
  readonly zone: DnsZone;
  readonly servers: readonly ServerConfig[];
  readonly relays: readonly RelayConfig[];
  readonly receivers: ReceiverPlacement;
  readonly messages: readonly MessageSpec[];
  /** The inside server each message is submitted to. */
  readonly submitTo: string;
  /** DNS blocklists receivers may consult. */
  readonly blocklists?: readonly BlocklistConfig[];
}

/** Whether a session handed the message on, left it queued (4xx or no reply), or refused it (5xx). */
export type AttemptOutcome = 'accepted' | 'deferred' | 'rejected';

/**
 * What the world decides of one session when it opens: its times, how it left, and how it ends.
 * A delivery carries these for its session under way; the attempt log stores them.
 */
export interface SessionFacts {
  /** When the connection was opened, ms. */
  readonly atMs: number;
  /** When the session ended, ms. */
  readonly endMs: number;
  /** Egress link, or null for an inside hop (or a connection that never left). */
  readonly link: string | null;
  /** Source address after NAT (the inside address for inside hops). */
  readonly sourceAddress: string;
  /** What chose the link: `policy-route:NAME`, `load-balancing:MODE`, or `inside`. */
  readonly rule: string;
  readonly outcome: AttemptOutcome;
  /** When the server will try again, ms; null when it will not. */
  readonly retryAtMs: number | null;
}

/** One SMTP attempt: who tried, how it left, and how the next hop answered. */
export interface AttemptRecord extends SessionFacts {
  readonly messageId: string;
  readonly server: string;
  readonly nextHop: string;
  readonly nextHopAddress: string;
  readonly recipients: readonly string[];
  readonly reply: StagedReply;
  readonly reason: Reason;
  readonly checks: readonly CheckOutcome[];
}

/** Where a message is now. */
export type MessageStatus = 'pending' | 'delivered' | 'bounced';

/** A message's life in the model. Attempts live in the run's attempt log, not on the message. */
export interface MessageRecord {
  readonly spec: MessageSpec;
  status: MessageStatus;
  /** Why it ended, for bounced messages (`expired`, or the 5xx's reason). */
  finalReason: Reason | null;
  finishedAtMs: number | null;
  /** Every attempt so far, oldest first, rebuilt from the attempt log at each read. */
  readonly attempts: readonly AttemptRecord[];
  /** How many attempts so far, without rebuilding them. */
  readonly attemptCount: number;
  /** The latest attempt, or undefined before the first. */
  readonly lastAttempt: AttemptRecord | undefined;
  /** Deliveries still open anywhere in the chain. */
  openDeliveries: number;
  bounced: boolean;
}

/** What the world tells its observer; the run layer turns these into reports and snapshots. */
export interface WorldObserver {
  /**
   * A session ended, or RCPT answered a recipient on its own: attempt `index` of `log`, just
   * stored. Observers read what they need from the log (`outcomeOf`, `reasonOf`, `linkOf`, or the
   * whole record with `get`), so that counting a million attempts makes no record objects.
   */
  onAttempt?(log: AttemptLog, index: number, message: MessageRecord): void;
  onMessageFinished?(message: MessageRecord, atMs: number): void;
  onQueueDepth?(server: string, depth: number, atMs: number): void;
  onLinkChange?(link: string, up: boolean, atMs: number): void;
  onSubmitted?(message: MessageRecord, atMs: number): void;
  onExpired?(message: MessageRecord, server: string, atMs: number): void;
  /** A delay notice or a bounce message the server sent the sender. */
  onNotice?(notice: MailNotice): void;
}
