import ipaddr from 'ipaddr.js';
import { AddressSet } from '../address-set.js';
import { fnv1a } from './flow-hash.js';
import type { NatRuleConfig } from './types.js';

/** Ranges no ISP routes from a customer: RFC 1918, shared (CGNAT), loopback, link-local, ULA. */
const unroutableRanges = new Set(['private', 'carrierGradeNat', 'loopback', 'linkLocal', 'uniqueLocal', 'unspecified']);

interface CompiledRule {
  readonly sources: AddressSet | undefined;
  /** Longest prefix among the rule's sources; -1 for a rule for every source. */
  readonly specificity: number;
  readonly addresses: readonly string[];
}

/** What NAT made of a flow's source: the address it leaves with, and whether the ISP drops it. */
export interface Translation {
  readonly address: string;
  readonly ispDrops: boolean;
}

/**
 * Outbound NAT by egress link. Without explicit rules every link translates to its own address
 * (what a setup wizard creates). With rules, the most specific rule of the egress link whose
 * source matches applies (longest source prefix first, then file order); a pool gives each inside
 * source one of its addresses by a hash of the source. A link with no matching rule sends the
 * private source address unchanged, and the ISP drops it (BCP 38 ingress filtering).
 */
export class Nat {
  private readonly rules = new Map<string, CompiledRule[]>();
  private readonly memo = new Map<string, Map<string, Translation>>();

  constructor(rules: readonly NatRuleConfig[] | undefined, linkAddresses: ReadonlyMap<string, string>) {
    const explicit = rules ?? [...linkAddresses].map(([link, address]) => ({ link, address }));
    for (const rule of explicit) {
      const list = this.rules.get(rule.link) ?? [];
      list.push(compile(rule));
      this.rules.set(rule.link, list);
    }
    for (const list of this.rules.values()) list.sort((a, b) => b.specificity - a.specificity);
  }

  /** The translation of `source` leaving by `link`. */
  translate(link: string, source: string): Translation {
    let byLink = this.memo.get(link);
    if (byLink === undefined) this.memo.set(link, (byLink = new Map()));
    let translation = byLink.get(source);
    if (translation === undefined) {
      translation = this.compute(link, source);
      byLink.set(source, translation);
    }
    return translation;
  }

  private compute(link: string, source: string): Translation {
    const rule = (this.rules.get(link) ?? []).find((candidate) => candidate.sources === undefined || candidate.sources.has(source));
    if (rule === undefined) return { address: source, ispDrops: isUnroutable(source) };
    return { address: rule.addresses[fnv1a(source) % rule.addresses.length]!, ispDrops: false };
  }
}

function compile(rule: NatRuleConfig): CompiledRule {
  const prefixes = (rule.source ?? []).map((entry) => (entry.includes('/') ? Number(entry.split('/')[1]) : ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128));
  return {
    sources: rule.source === undefined ? undefined : new AddressSet(rule.source),
    specificity: prefixes.length === 0 ? -1 : Math.max(...prefixes),
    addresses: rule.pool ?? (rule.address === undefined ? [] : [rule.address]),
  };
}

/** Whether an address is one the internet does not route (so an ISP drops it as a source). */
export function isUnroutable(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  return unroutableRanges.has(ipaddr.process(address).range());
}
