import type { DnsZone } from '../dns-zone.js';
import { getOrAdd } from '../get-or-add.js';
import type { PeerPolicy } from '../peer-policy.js';
import type { StagedReply } from '../smtp.js';
import type { Conversation, StageVerdict } from '../smtp-peer.js';
import type { StageFailure } from './evaluate.js';
import { IdentityResolver } from '../identity.js';
import { Blocklists, type BlocklistConfig } from './dnsbl.js';
import { HeloResolver } from './helo.js';
import { SessionKeys } from './session-keys.js';
import { SpfEvaluator } from './spf-check.js';

/**
 * Values by session key (`SessionKeys`): an array, since keys are small integers counted from 0,
 * and indexing one is cheaper than a map lookup on every session. Unset keys read undefined.
 */
export type BySessionKey<T> = (T | undefined)[];

/**
 * What every relay and receiver checks against, shared by all of them in one world: the zone's
 * reverse identities, HELO facts, SPF outcomes and the scenario's blocklists, each remembered.
 */
export class CheckContext {
  readonly identity: IdentityResolver;
  readonly helo: HeloResolver;
  readonly spf: SpfEvaluator;
  readonly blocklists: Blocklists;
  /** Keys for the (source, sender, HELO) of sessions, under which peers remember their answers. */
  readonly sessionKeys = new SessionKeys();
  private readonly conversations = new Map<PeerPolicy, BySessionKey<Conversation>>();
  private readonly verdicts = new Map<PeerPolicy, BySessionKey<(StageVerdict | undefined)[]>>();
  private readonly replies = new Map<PeerPolicy, Map<StageFailure, BySessionKey<StagedReply>>>();
  private readonly answers = new Map<PeerPolicy, BySessionKey<Conversation[]>>();

  constructor(zone: DnsZone, blocklists: readonly BlocklistConfig[] = []) {
    this.identity = new IdentityResolver(zone);
    this.helo = new HeloResolver(zone, this.identity);
    this.spf = new SpfEvaluator(zone);
    this.blocklists = new Blocklists(blocklists);
  }

  /**
   * The remembered sessions of a stateless policy by session key, shared by every peer that
   * follows it (when no reply names the peer, they all answer alike).
   */
  conversationsOf(policy: PeerPolicy): BySessionKey<Conversation> {
    return getOrAdd(this.conversations, policy, () => []);
  }

  /** The stage verdicts of a policy's checks by session key, then stage index, shared by its peers. */
  verdictsOf(policy: PeerPolicy): BySessionKey<(StageVerdict | undefined)[]> {
    return getOrAdd(this.verdicts, policy, () => []);
  }

  /** Filled refusal replies of a policy by refusal, then session key, shared by its peers. */
  repliesOf(policy: PeerPolicy): Map<StageFailure, BySessionKey<StagedReply>> {
    return getOrAdd(this.replies, policy, () => new Map());
  }

  /** Distinct conversations of a policy's walked sessions by session key, shared by its peers. */
  answersOf(policy: PeerPolicy): BySessionKey<Conversation[]> {
    return getOrAdd(this.answers, policy, () => []);
  }
}
