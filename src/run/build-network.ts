import { vendorPresets, type VendorPreset } from '../model/firewall/presets.js';
import type { BalancingConfig, FirewallConfig } from '../model/firewall/types.js';
import type { Detection } from '../model/links/types.js';
import type { LinkConfig } from '../model/world/types.js';
import type { Scenario } from '../scenario/schema/index.js';

type ProbeSetting = NonNullable<Scenario['firewall']['probe']>;

/** The default spill-over averaging window, ms (SonicWall does not document its own). */
const spillOverWindowMs = 10_000;

/** The scenario's vendor preset, if it names one. */
function presetOf(scenario: Scenario): VendorPreset | undefined {
  const name = scenario.firewall.preset;
  return name === undefined ? undefined : vendorPresets[name];
}

/** The model's links: addresses, bandwidth, outages, loss, and how the firewall learns their state. */
export function buildLinks(scenario: Scenario): LinkConfig[] {
  const groupDetection = detectionOf(scenario.firewall.probe) ?? presetOf(scenario)?.detection ?? { kind: 'instant' };
  return scenario.links.map((link) => ({
    name: link.name, isp: link.isp, address: link.address, uplinkKbps: link.uplink_kbps,
    outages: link.outages.map((outage) => ({ fromMs: outage.from, toMs: outage.to })),
    lossRate: link.loss,
    detection: detectionOf(link.probe) ?? groupDetection,
  }));
}

function detectionOf(probe: ProbeSetting | undefined): Detection | undefined {
  if (probe === undefined) return undefined;
  if (probe === 'instant') return { kind: 'instant' };
  if (probe === 'off') return { kind: 'none' };
  return { kind: 'probe', probe: { intervalMs: probe.interval, downAfter: probe.down_after, upAfter: probe.up_after } };
}

/** The model's firewall: the scenario's keys over its vendor preset's defaults. */
export function buildFirewall(scenario: Scenario): FirewallConfig {
  const firewall = scenario.firewall;
  const preset = presetOf(scenario);
  return {
    loadBalancing: buildBalancing(firewall.load_balancing, preset),
    policyRoutes: firewall.policy_routes.map((route) => ({
      name: route.name, source: route.match.source, destination: route.match.destination, service: route.match.service, via: route.via, whenDown: route.when_down,
    })),
    nat: firewall.nat?.map((rule) => ({ link: rule.link, source: rule.source, address: rule.address, pool: rule.pool })),
    existingConnections: firewall.existing_connections ?? preset?.existingConnections ?? 'keep',
  };
}

function buildBalancing(group: Scenario['firewall']['load_balancing'], preset: VendorPreset | undefined): BalancingConfig {
  const hash = group.hash ?? preset?.hash;
  return {
    // The scenario check requires a mode when there is no preset.
    mode: group.mode ?? preset?.mode ?? 'round-robin',
    members: group.members.map((member) => ({ link: member.link, rank: member.rank, weight: member.weight, tier: member.tier, lastResort: member.last_resort })),
    preempt: group.preempt,
    holdDownMs: group.hold_down ?? 0,
    spillOver: group.spill_over && { primary: group.spill_over.primary, thresholdKbps: group.spill_over.threshold_kbps, windowMs: group.spill_over.window ?? spillOverWindowMs },
    hash: hash && ('when_down' in hash ? { fields: hash.fields, ports: hash.ports, method: hash.method, whenDown: hash.when_down, backup: hash.backup } : hash),
    sticky: group.sticky && { by: group.sticky.by, timeoutMs: group.sticky.timeout ?? 0 },
  };
}
