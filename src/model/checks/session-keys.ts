import { getOrAdd, newMap } from '../get-or-add.js';

/**
 * One small integer per distinct (source address, sender, HELO name) a world's sessions present.
 * Every peer's answers that depend on those three alone are remembered under this one number,
 * so a session costs one lookup in a peer's memo rather than one per field; the keys themselves
 * come from a few hot maps shared by every peer, and the last one asked is answered at once.
 * Keys count from 0 in order of first sight and never change.
 */
export class SessionKeys {
  private readonly bySource = new Map<string, Map<string, Map<string, number>>>();
  private count = 0;
  private lastSource: string | undefined;
  private lastSender: string | undefined;
  private lastHelo: string | undefined;
  private lastKey = -1;

  /** The key of a (source, sender, HELO), given one on first sight. */
  key(sourceAddress: string, sender: string, helo: string): number {
    if (sourceAddress === this.lastSource && sender === this.lastSender && helo === this.lastHelo) return this.lastKey;
    const bySender = getOrAdd(this.bySource, sourceAddress, newMap<string, Map<string, number>>);
    const byHelo = getOrAdd(bySender, sender, newMap<string, number>);
    let key = byHelo.get(helo);
    if (key === undefined) {
      key = this.count++;
      byHelo.set(helo, key);
    }
    this.lastSource = sourceAddress;
    this.lastSender = sender;
    this.lastHelo = helo;
    this.lastKey = key;
    return key;
  }
}
