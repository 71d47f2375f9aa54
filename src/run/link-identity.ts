import type { IdentityResolver } from '../model/identity.js';
import type { Scenario } from '../scenario/schema/index.js';

/** A link as reports and the UI name it: its public address and that address's PTR name. */
export interface LinkIdentity {
  readonly name: string;
  readonly description: string | null;
  /** The address outbound connections leave with: the link's first NAT rule (or pool), else its own. */
  readonly address: string;
  /** The address's PTR name, or null when it has none. */
  readonly ptr: string | null;
}

/** Each link's identity; static for a scenario, so a session works it out once. */
export function linkIdentities(scenario: Scenario, identity: IdentityResolver): LinkIdentity[] {
  const nat = new Map<string, string | undefined>();
  for (const rule of scenario.firewall.nat ?? []) if (!nat.has(rule.link)) nat.set(rule.link, rule.address ?? rule.pool?.[0]);
  return scenario.links.map((link) => {
    const address = nat.get(link.name) ?? link.address;
    return { name: link.name, description: link.description ?? null, address, ptr: identity.resolve(address).ptrNames[0] ?? null };
  });
}
