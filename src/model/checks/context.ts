import type { DnsZone } from '../dns-zone.js';
import { IdentityResolver } from '../identity.js';
import { Blocklists, type BlocklistConfig } from './dnsbl.js';
import { HeloResolver } from './helo.js';
import { SessionKeys } from './session-keys.js';
import { SpfEvaluator } from './spf-check.js';

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

  constructor(zone: DnsZone, blocklists: readonly BlocklistConfig[] = []) {
    this.identity = new IdentityResolver(zone);
    this.helo = new HeloResolver(zone, this.identity);
    this.spf = new SpfEvaluator(zone);
    this.blocklists = new Blocklists(blocklists);
  }
}
