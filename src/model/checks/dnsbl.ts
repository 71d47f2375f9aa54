import { AddressSet } from '../address-set.js';

/** A DNS blocklist as the scenario defines it: a name and the address ranges it lists. */
export interface BlocklistConfig {
  readonly name: string;
  readonly networks: readonly string[];
}

/**
 * The scenario's DNS blocklists. A receiver using them looks the client address up in each list
 * in order and refuses on the first listing, as Postfix's reject_rbl_client does. The lists are
 * static, so answers are remembered per address.
 */
export class Blocklists {
  private readonly lists: readonly { readonly name: string; readonly set: AddressSet }[];
  private readonly memo = new Map<string, readonly string[]>();

  constructor(configs: readonly BlocklistConfig[]) {
    this.lists = configs.map((config) => ({ name: config.name, set: new AddressSet(config.networks) }));
  }

  /** Names of every list, in scenario order. */
  get names(): readonly string[] {
    return this.lists.map((list) => list.name);
  }

  /** The first of `lists` (or of every list, for `all`) that lists `address`; undefined when none does. */
  listing(address: string, lists: readonly string[] | 'all'): string | undefined {
    const listed = this.listedOn(address);
    if (lists === 'all') return listed[0];
    return listed.find((name) => lists.includes(name));
  }

  private listedOn(address: string): readonly string[] {
    let names = this.memo.get(address);
    if (names === undefined) {
      names = this.lists.filter((list) => list.set.has(address)).map((list) => list.name);
      this.memo.set(address, names);
    }
    return names;
  }
}
