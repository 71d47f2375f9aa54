import type { Flow, HashFields } from './types.js';

/**
 * A deterministic 32-bit hash of a flow's chosen header fields: FNV-1a over each address's text
 * (remembered, as the same few addresses recur), ports mixed in when asked, and a final avalanche
 * so that consecutive ports spread evenly. No randomness: the same flow always hashes the same.
 */
export class FlowHasher {
  private readonly memo = new Map<string, number>();

  constructor(private readonly fields: HashFields, private readonly ports: boolean) {}

  /** The flow's hash, an unsigned 32-bit integer. */
  hash(flow: Flow): number {
    let h = 0x9e3779b9;
    if (this.fields !== 'destination') h = mix(h, this.address(flow.sourceAddress));
    if (this.fields !== 'source') h = mix(h, this.address(flow.destinationAddress));
    if (this.ports) {
      if (this.fields !== 'destination') h = mix(h, flow.sourcePort ?? 0);
      if (this.fields !== 'source') h = mix(h, flow.port);
    }
    return avalanche(h);
  }

  private address(text: string): number {
    let known = this.memo.get(text);
    if (known === undefined) {
      known = fnv1a(text);
      this.memo.set(text, known);
    }
    return known;
  }
}

/** FNV-1a, 32-bit, over a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function mix(h: number, value: number): number {
  return (Math.imul(h ^ value, 0x01000193) + 0x7f4a7c15) >>> 0;
}

/** The murmur3 finalizer. */
function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
