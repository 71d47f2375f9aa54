import type { Flow, LinkView } from '../../../src/model/firewall/types.js';

/** A link view for tests: which links are up, since when, and their egress rates. */
export function view(isUp: (link: string) => boolean = () => true, upSinceMs: (link: string) => number = () => 0, rateKbps: (link: string) => number = () => 0): LinkView {
  return { isUp, upSinceMs, rateKbps };
}

/** A flow from the mail gateway to `destination`. */
export function flowTo(destination: string, sourcePort = 40000, source = '192.168.1.10'): Flow {
  return { sourceAddress: source, destinationAddress: destination, port: 25, sourcePort };
}
