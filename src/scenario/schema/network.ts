import { z } from 'zod';
import { cidrList, durationMs, ipAddress } from './units.js';

const linkName = z.string().regex(/^[A-Za-z][\w.-]*$/, 'expected a link name like X1 or wan2');

/** A window during which a link carries nothing, as offsets from the scenario start. */
export const outageSchema = z
  .strictObject({
    from: durationMs.meta({ description: 'When the link goes down, as an offset from the start (e.g. 2h).' }),
    to: durationMs.meta({ description: 'When it comes back up, as an offset from the start.' }),
  })
  .refine((outage) => outage.to > outage.from, { message: 'an outage must end after it starts', path: ['to'] });

/** A WAN interface of the firewall. */
export const linkSchema = z.strictObject({
  name: linkName.meta({ description: 'Interface name, e.g. X1.' }),
  description: z.string().optional(),
  isp: z.string().optional().meta({ description: 'ISP name; relays can accept "customers of this ISP".' }),
  address: ipAddress.meta({ description: 'The public address the link NATs outbound connections to.' }),
  uplink_kbps: z.number().positive().default(1024).meta({ description: 'Uplink bandwidth, kbit/s.' }),
  outages: z.array(outageSchema).default([]),
});

/** A member of the load-balancing group, by name or with its rank / weight. */
export const memberSchema = z
  .union([
    linkName,
    z.strictObject({
      link: linkName,
      rank: z.number().int().min(1).optional().meta({ description: 'Failover rank; 1 is preferred.' }),
      weight: z.number().int().min(1).optional().meta({ description: 'Ratio weight, counting connections.' }),
    }),
  ])
  .transform((member) => (typeof member === 'string' ? { link: member } : member));

/** How new connections are spread over the group's members. */
export const loadBalancingSchema = z.strictObject({
  mode: z.enum(['failover', 'round-robin', 'ratio']),
  members: z.array(memberSchema).min(1),
  preempt: z
    .boolean()
    .default(true)
    .meta({ description: 'Failover: return to a better-ranked member as soon as it is up again.' }),
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

/** Outbound NAT for one egress link. */
export const natRuleSchema = z.strictObject({
  link: linkName,
  address: ipAddress,
});

/** The site's firewall. */
export const firewallSchema = z.strictObject({
  load_balancing: loadBalancingSchema,
  policy_routes: z.array(policyRouteSchema).default([]),
  nat: z
    .array(natRuleSchema)
    .optional()
    .meta({ description: 'Outbound NAT per egress link; by default each link uses its own address.' }),
});

/** Probe timing constants kept here for documentation; the issue 2 model knows link state at once. */
export const outageDefaults = { detectionLagMs: 0 } as const;
