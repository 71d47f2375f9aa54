import { getOrAdd, newMap } from '../get-or-add.js';

/** How many of the latest distinct (source, sender, HELO) are answered by a scan, before the maps. */
const recentSize = 8;

interface Recent {
  source: string;
  sender: string;
  helo: string;
  key: number;
}

/**
 * One small integer per distinct (source address, sender, HELO name) a world's sessions present.
 * Every peer's answers that depend on those three alone are remembered under this one number,
 * so a session costs one lookup in a peer's memo rather than one per field. The last few keys
 * given are found by a scan of the very same strings: links taking turns, a run alternates
 * between a handful of them, which a cache of the last one alone would miss every time. Keys
 * count from 0 in order of first sight and never change.
 */
export class SessionKeys {
  private readonly bySource = new Map<string, Map<string, Map<string, number>>>();
  private count = 0;
  private readonly recent: Recent[] = [];
  private nextRecent = 0;

  /** The key of a (source, sender, HELO), given one on first sight. */
  key(sourceAddress: string, sender: string, helo: string): number {
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) {
      const seen = recent[i]!;
      if (seen.source === sourceAddress && seen.sender === sender && seen.helo === helo) return seen.key;
    }
    const bySender = getOrAdd(this.bySource, sourceAddress, newMap<string, Map<string, number>>);
    const byHelo = getOrAdd(bySender, sender, newMap<string, number>);
    let key = byHelo.get(helo);
    if (key === undefined) {
      key = this.count++;
      byHelo.set(helo, key);
    }
    this.remember(sourceAddress, sender, helo, key);
    return key;
  }

  /** Keeps a key among the recent ones, in place of the oldest once they are full. */
  private remember(source: string, sender: string, helo: string, key: number): void {
    if (this.recent.length < recentSize) {
      this.recent.push({ source, sender, helo, key });
      return;
    }
    const slot = this.recent[this.nextRecent]!;
    slot.source = source;
    slot.sender = sender;
    slot.helo = helo;
    slot.key = key;
    this.nextRecent = (this.nextRecent + 1) % recentSize;
  }
}
