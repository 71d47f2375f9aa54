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
    destination_concurrency: z
      .number()
      .int()
      .min(1)
      .default(20)
      .meta({ description: 'Connections at once to one destination (Postfix default_destination_concurrency_limit, 20).' }),
    rate_delay: durationMs
      .optional()
      .meta({ description: 'Wait at least this long between deliveries to one destination, e.g. 31s (Postfix default_destination_rate_delay): a throttle below a relay limit.' }),
    fallback_relay: z.string().optional().meta({ description: 'A relay (under internet.relays) for mail the MX hosts or the smarthost deferred (Postfix smtp_fallback_relay).' }),
    account: z.string().optional().meta({ description: 'The SMTP AUTH account it logs in to relays with; limits can count per account.' }),
    queue_run: durationMs.optional().meta({ description: 'Deferred mail is retried only on queue runs this far apart (Postfix queue_run_delay); overrides the profile.' }),
    delay_notice: durationMs.optional().meta({ description: 'Send the sender a delay notice once a message has waited this long; overrides the profile.' }),
  })
  .refine((server) => !(server.relay_to !== undefined && server.smarthost !== undefined), {
    message: 'a server either relays to an inside server or uses a smarthost, not both',
    path: ['smarthost'],
  });
