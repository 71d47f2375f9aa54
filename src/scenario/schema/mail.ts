import { z } from 'zod';
import { durationMs, ipAddress } from './units.js';

/** Built-in retry profiles of real mail servers (see docs/model.md). */
export const retryPresetNames = ['exchange-2003', 'exchange-2016', 'postfix'] as const;

/** A custom retry schedule: the gaps before each retry, then a steady interval. */
export const customRetrySchema = z.strictObject({
  schedule: z.array(durationMs).default([]).meta({ description: 'Gaps before the first retries, in order.' }),
  then_every: durationMs.meta({ description: 'The gap between retries once the schedule is used up.' }),
  lifetime: durationMs.optional().meta({ description: 'How long a message may stay queued before it bounces.' }),
});

/** An inside mail server: Exchange, a gateway, a Postfix box. */
export const mailServerSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z][\w.-]*$/, 'expected a server name like exchange or mailmarshal'),
    description: z.string().optional(),
    address: ipAddress.meta({ description: 'Inside (private) address; policy routes can match it as source.' }),
    helo: z.string().optional().meta({ description: 'The name it gives in HELO/EHLO.' }),
    relay_to: z.string().optional().meta({ description: 'Hand all mail to this inside server.' }),
    smarthost: z.string().optional().meta({ description: 'Hand all mail to this relay on the internet.' }),
    retry: z
      .union([z.enum(retryPresetNames), customRetrySchema])
      .default('postfix')
      .meta({ description: 'Retry profile: exchange-2003, exchange-2016, postfix, or a custom schedule.' }),
    lifetime: durationMs.optional().meta({ description: 'Queue lifetime; overrides the profile.' }),
    concurrency: z.number().int().min(1).default(10).meta({ description: 'Outbound connections at once.' }),
  })
  .refine((server) => !(server.relay_to !== undefined && server.smarthost !== undefined), {
    message: 'a server either relays to an inside server or uses a smarthost, not both',
    path: ['smarthost'],
  });
