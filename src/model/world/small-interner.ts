/** Strings up to this many are found by a scan; past it, by a map as well. */
const scanLimit = 16;

/**
 * Small integer ids for strings drawn from a few distinct values (server names, links, NAT
 * addresses, firewall rules). A scan of a handful of entries, mostly the very same string
 * objects, beats hashing; a map takes over should a scenario have many more. Ids count from 0
 * in order of first sight and never change.
 */
export class SmallInterner {
  private readonly names: string[] = [];
  private readonly byName = new Map<string, number>();

  /** The id of `name`, given one on first sight. */
  id(name: string): number {
    const names = this.names;
    const scanned = names.length < scanLimit ? names.length : scanLimit;
    for (let i = 0; i < scanned; i++) if (names[i] === name) return i;
    if (names.length < scanLimit) {
      names.push(name);
      return names.length - 1;
    }
    let id = this.byName.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      this.byName.set(name, id);
    }
    return id;
  }

  /** The string of an id this interner gave. */
  name(id: number): string {
    const name = this.names[id];
    if (name === undefined) throw new RangeError(`no string has id ${id}`);
    return name;
  }
}
