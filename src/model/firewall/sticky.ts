import type { LoadBalancer } from './load-balancer.js';
import type { Flow, LinkView, StickyConfig } from './types.js';

interface Binding {
  link: string;
  /** Connections open on the binding now. */
  open: number;
  /** When its last connection closed, ms. */
  lastClosedMs: number;
}

/**
 * Stickiness over any balancer: a source (pfSense sticky connections) or a source and
 * destination pair (SonicWall address binding) keeps its link while it has connections open and
 * for `timeoutMs` after the last closes (pfSense's source tracking timeout, 0 by default). A
 * binding to a link the firewall believes down is dropped and the flow balanced afresh.
 */
export class StickyBalancer implements LoadBalancer {
  private readonly bindings = new Map<string, Map<string, Binding>>();

  constructor(private readonly inner: LoadBalancer, private readonly config: StickyConfig) {}

  pick(flow: Flow, links: LinkView, nowMs: number): string | undefined {
    const table = this.table(flow.sourceAddress);
    const key = this.config.by === 'source' ? '' : flow.destinationAddress;
    const binding = table.get(key);
    if (binding !== undefined && links.isUp(binding.link) && (binding.open > 0 || nowMs < binding.lastClosedMs + this.config.timeoutMs)) {
      binding.open++;
      return binding.link;
    }
    const link = this.inner.pick(flow, links, nowMs);
    if (link !== undefined) table.set(key, { link, open: 1, lastClosedMs: nowMs });
    return link;
  }

  closed(flow: Flow, link: string, nowMs: number): void {
    const binding = this.bindings.get(flow.sourceAddress)?.get(this.config.by === 'source' ? '' : flow.destinationAddress);
    if (binding === undefined || binding.link !== link || binding.open === 0) return;
    binding.open--;
    binding.lastClosedMs = nowMs;
  }

  private table(source: string): Map<string, Binding> {
    let table = this.bindings.get(source);
    if (table === undefined) this.bindings.set(source, (table = new Map()));
    return table;
  }
}
