import { z } from 'zod';
import { dnsSchema } from './dns.js';
import { expectationSchema } from './expect.js';
import { internetSchema } from './internet.js';
import { mailServerSchema } from './mail.js';
import { firewallSchema, linkSchema } from './network.js';
import { trafficSchema } from './traffic.js';
import { durationMs } from './units.js';

/**
 * The whole scenario file. This one definition gives validation, the TypeScript types and the
 * JSON Schema committed as scenarios/scenario.schema.json.
 */
export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    start: z.iso
      .datetime({ offset: true, message: 'expected a date and time with its offset, like 2008-02-07T08:30:00+11:00' })
      .meta({ description: 'When the window opens, ISO 8601 with offset; times are shown in that offset.' }),
    duration: durationMs.meta({ description: 'How long the window stays open, e.g. 4h.' }),
    seed: z.number().int().min(0).max(4294967295).default(1),
    links: z.array(linkSchema).min(1),
    firewall: firewallSchema,
    dns: dnsSchema,
    mail: z.array(mailServerSchema).min(1),
    internet: internetSchema,
    traffic: trafficSchema,
    expect: z.array(expectationSchema).default([]),
  })
  .meta({ title: 'egress-sim scenario', description: 'A site, its DNS, its mail servers, the internet and the traffic to replay.' });

/** A validated scenario, units already turned into ms and bytes. */
export type Scenario = z.output<typeof scenarioSchema>;

/** The JSON Schema of a scenario file, as committed in scenarios/scenario.schema.json. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}
