/** Which way an attempt went out: the inside server, the link (or null), the source address after NAT, and the rule. */
export interface AttemptPath {
  readonly server: string;
  readonly link: string | null;
  readonly sourceAddress: string;
  readonly rule: string;
}

/** Paths up to this many are found by a scan; past it, by a map as well. */
const scanLimit = 16;
/** Ids fit the attempt log's 16-bit field. */
export const maxPathId = 0xffff;

/**
 * Small integer ids for the paths attempts take. A run has a handful (servers times links times
 * rules), so the attempt log stores one 16-bit id a row rather than four names. The last path
 * asked is answered at once, the first few by a scan of the very same string objects, which beats
 * hashing; a map takes over should a scenario have many more. Ids count from 0 in order of first
 * sight and never change.
 */
export class AttemptPaths {
  private readonly paths: AttemptPath[] = [];
  private readonly byKey = new Map<string, number>();
  private lastId = -1;

  /** The id of a path, given one on first sight; a RangeError past `maxPathId` distinct paths. */
  id(server: string, link: string | null, sourceAddress: string, rule: string): number {
    const paths = this.paths;
    const last = paths[this.lastId];
    if (last !== undefined && last.server === server && last.link === link && last.sourceAddress === sourceAddress && last.rule === rule) return this.lastId;
    const scanned = paths.length < scanLimit ? paths.length : scanLimit;
    for (let id = 0; id < scanned; id++) {
      const path = paths[id]!;
      if (path.server === server && path.link === link && path.sourceAddress === sourceAddress && path.rule === rule) return (this.lastId = id);
    }
    return (this.lastId = this.idPastScan(server, link, sourceAddress, rule));
  }

  /** The path of an id this table gave. */
  path(id: number): AttemptPath {
    const path = this.paths[id];
    if (path === undefined) throw new RangeError(`no attempt path has id ${id}`);
    return path;
  }

  private idPastScan(server: string, link: string | null, sourceAddress: string, rule: string): number {
    const paths = this.paths;
    const key = paths.length < scanLimit ? undefined : JSON.stringify([server, link, sourceAddress, rule]);
    const known = key === undefined ? undefined : this.byKey.get(key);
    if (known !== undefined) return known;
    // Past this many, a 16-bit field would wrap and mislabel attempts silently.
    if (paths.length >= maxPathId) throw new RangeError(`more than ${maxPathId} distinct (server, link, source address, rule) paths in one run`);
    paths.push({ server, link, sourceAddress, rule });
    if (key !== undefined) this.byKey.set(key, paths.length - 1);
    return paths.length - 1;
  }
}
