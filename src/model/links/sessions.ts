/**
 * Sessions open on each link, so the firewall can reset them when it marks a link down (or
 * moves them when it fails back). Kept only when the firewall acts on existing connections.
 */
export class SessionTable<T> {
  private readonly byLink = new Map<string, Set<T>>();

  /** Records a session opened on `link`. */
  open(link: string, session: T): void {
    let set = this.byLink.get(link);
    if (set === undefined) this.byLink.set(link, (set = new Set()));
    set.add(session);
  }

  /** Forgets a session, closed or cut. */
  close(link: string, session: T): void {
    this.byLink.get(link)?.delete(session);
  }

  /** The sessions open on `link` now, as a copy safe to cut while iterating. */
  openOn(link: string): T[] {
    return [...(this.byLink.get(link) ?? [])];
  }
}
