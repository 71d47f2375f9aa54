import type { ImportedMessage } from './types.js';

/** How much of an address anonymising hides: the local part only, or the domain too. */
export type AnonymiseMode = 'keep-domains' | 'hide-domains';

/** A keyed hash (HMAC) of a text, as lowercase hex; the caller supplies it with its key. */
export type KeyedHash = (text: string) => string;

/**
 * Replaces recipient addresses with pseudonyms from a keyed hash: the same address always gets
 * the same pseudonym under the same key, and without the key none can be traced back by trying
 * likely addresses. Local parts become `u` + 12 hex digits; hidden domains `d` + 10 hex digits +
 * `.invalid` (a reserved name), so the simulation still sees how many domains there are and which
 * messages share one. The sender is the site's own and is kept, its local part hidden.
 */
export class Anonymiser {
  private readonly cache = new Map<string, string>();

  constructor(private readonly hash: KeyedHash, readonly mode: AnonymiseMode) {}

  /** The message with pseudonymous addresses. */
  message(message: ImportedMessage): ImportedMessage {
    return { ...message, from: this.address(message.from, true), to: message.to.map((to) => this.address(to, false)) };
  }

  /** One address's pseudonym. */
  address(address: string, keepDomain: boolean): string {
    const at = address.lastIndexOf('@');
    if (at < 0) return address;
    const local = this.pseudonym(`local:${address.toLowerCase()}`, 'u', 12);
    const domain = address.slice(at + 1);
    return `${local}@${keepDomain || this.mode === 'keep-domains' ? domain : `${this.pseudonym(`domain:${domain}`, 'd', 10)}.invalid`}`;
  }

  private pseudonym(text: string, prefix: string, digits: number): string {
    let value = this.cache.get(text);
    if (value === undefined) {
      value = prefix + this.hash(text).slice(0, digits);
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(text, value);
    }
    return value;
  }
}
