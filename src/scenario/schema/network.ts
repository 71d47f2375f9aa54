import { z } from 'zod';
import { vendorNames } from '../../model/firewall/presets.js';
import { cidrList, durationMs, ipAddress } from './units.js';

const linkName = z.string().regex(/^[A-Za-z][\w.-]*$/, 'expected a link name like X1 or wan2');

/** A window during which a link carries nothing, as offsets from the scenario start. */
export const outageSchema = z
  .strictObject({
    from: durationMs.meta({ description: 'When the link goes down, as an offset from the start (e.g. 2h).' }),
    to: durationMs.meta({ description: 'When it comes back up, as an offset from the start.' }),
  })
  .refine((outage) => outage.to > outage.from, { message: 'an outage must end after it starts', path: ['to'] });

/** How the firewall probes a link: one probe per interval; down after N misses, up after M answers. */
export const probeSchema = z
  .union([
    z.strictObject({
      interval: durationMs.meta({ description: 'Time between probes, e.g. 5s (SonicWall default).' }),
      down_after: z.number().int().min(1).meta({ description: 'Missed probes in a row before the link is marked down (SonicWall: 3).' }),
      up_after: z.number().int().min(1).meta({ description: 'Answered probes in a row before it is marked up again (SonicWall: 3).' }),
    }),
    z.enum(['instant', 'off']),
  ])
  .meta({ description: 'Link monitoring: probe timing, `instant` (the firewall knows at once) or `off` (it never notices). Default: the preset\'s, else instant.' });

/** A WAN interface of the firewall. */
export const linkSchema = z.strictObject({
  name: linkName.meta({ description: 'Interface name, e.g. X1.' }),
  description: z.string().optional(),
  isp: z.string().optional().meta({ description: 'ISP name; relays can accept "customers of this ISP".' }),
  address: ipAddress.meta({ description: 'The public address the link NATs outbound connections to.' }),
  uplink_kbps: z.number().positive().default(1024).meta({ description: 'Uplink bandwidth, kbit/s.' }),
  outages: z.array(outageSchema).default([]),
  loss: z.number().min(0).max(1).default(0).meta({ description: 'Fraction of packets lost each way (0.02 = 2%): slows and fails handshakes, and probes miss.' }),
  probe: probeSchema.optional(),
});

/** A member of the load-balancing group, by name or with its rank / weight. */
export const memberSchema = z
  .union([
    linkName,
    z.strictObject({
      link: linkName,
      rank: z.number().int().min(1).optional().meta({ description: 'Failover rank; 1 is preferred.' }),
      weight: z.number().int().min(1).optional().meta({ description: 'Ratio weight, counting connections.' }),
      tier: z.number().int().min(1).max(5).optional().meta({ description: 'pfSense-style tier (1 first): a tier is used only when every member of the better tiers is down.' }),
      last_resort: z.boolean().optional().meta({ description: 'Used only when every other member is down.' }),
    }),
  ])
  .transform((member) => (typeof member === 'string' ? { link: member } : member));

/** How new connections are spread over the group's members. */
export const loadBalancingSchema = z.strictObject({
  mode: z.enum(['failover', 'round-robin', 'ratio', 'spill-over', 'hash']).optional().meta({ description: 'Balancing mode; defaults to the preset\'s.' }),
  members: z.array(memberSchema).min(1),
  preempt: z
    .boolean()
    .default(true)
    .meta({ description: 'Failover: return to a better-ranked member once it is up again (after hold_down).' }),
  hold_down: durationMs.optional().meta({ description: 'Failover: how long a better member must have been up before failing back to it.' }),
  spill_over: z
    .strictObject({
      primary: linkName.optional().meta({ description: 'The primary member; default the best-ranked.' }),
      threshold_kbps: z.number().positive().meta({ description: 'Above this egress rate on the primary, new flows go to the alternates, kbit/s.' }),
      window: durationMs.optional().meta({ description: 'Window the rate is averaged over (default 10s).' }),
    })
    .optional(),
  hash: z
    .strictObject({
      fields: z.enum(['source', 'destination', 'source-destination']).default('source-destination'),
      ports: z.boolean().default(false).meta({ description: 'Hash the ports too (per connection rather than per address pair).' }),
      method: z.enum(['modulo', 'threshold', 'resilient']).default('modulo').meta({ description: 'modulo (hash mod members), threshold (RFC 2992, Linux), resilient (bucket table).' }),
      when_down: z.enum(['rehash', 'backup']).default('rehash').meta({ description: 'rehash over the members up (ECMP), or send a dead member\'s flows to a backup (PCC).' }),
      backup: linkName.optional().meta({ description: 'when_down backup: the member taking a dead member\'s flows; default the next one up.' }),
    })
    .optional(),
  sticky: z
    .strictObject({
      by: z.enum(['source', 'source-destination']).meta({ description: 'source (pfSense sticky connections) or source-destination (SonicWall address binding).' }),
      timeout: durationMs.optional().meta({ description: 'How long a binding outlives its last connection (default 0).' }),
    })
    .optional(),
});

const serviceSchema = z
  .union([z.enum(['any', 'smtp', 'submission', 'smtps']), z.string().regex(/^tcp\/\d{1,5}$/, 'expected a service: any, smtp, submission, smtps or tcp/PORT')])
  .default('any');

/** A policy route: first match wins, and it overrides load balancing. */
export const policyRouteSchema = z.strictObject({
  name: z.string().min(1),
  match: z
    .strictObject({
      source: cidrList.optional(),
      destination: cidrList.optional(),
      service: serviceSchema,
    })
    .default({ service: 'any' }),
  via: linkName,
  when_down: z
    .enum(['fallback', 'drop'])
    .default('fallback')
    .meta({ description: 'When the link is down: hand the connection to load balancing, or drop it.' }),
});

/** Outbound NAT for one egress link: an address or a pool, for every source or some. */
export const natRuleSchema = z
  .strictObject({
    link: linkName,
    source: cidrList.optional().meta({ description: 'Inside sources the rule applies to; the most specific matching rule wins.' }),
    address: ipAddress.optional(),
    pool: z.array(ipAddress).min(1).optional().meta({ description: 'Addresses to translate to; each inside source gets one by a hash of its address.' }),
  })
  .refine((rule) => (rule.address === undefined) !== (rule.pool === undefined), { message: 'give a NAT rule either an address or a pool', path: ['address'] });

/** The site's firewall. */
export const firewallSchema = z.strictObject({
  preset: z.enum(vendorNames).optional().meta({ description: 'Vendor defaults (mode, probes, open connections); keys given here override them.' }),
  probe: probeSchema.optional(),
  existing_connections: z
    .enum(['keep', 'kill', 'reroute'])
    .optional()
    .meta({ description: 'Open connections when a link is marked down (kill, reroute) or on fail-back (reroute); default the preset\'s, else keep.' }),
  load_balancing: loadBalancingSchema,
  policy_routes: z.array(policyRouteSchema).default([]),
  nat: z
    .array(natRuleSchema)
    .optional()
    .meta({ description: 'Outbound NAT rules; without this key each link uses its own address. With it, a link no rule covers sends the private address, which its ISP drops.' }),
});

