import { z } from 'zod';
import { countRange, durationMs, ratePerHour, sizeBytes, sizeRangeBytes } from './units.js';

const email = z.string().regex(/^[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'expected an address like alice@example.com.au');
const emails = z.union([email, z.array(email).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

/** One message, listed by hand. */
export const listedMessageSchema = z.strictObject({
  id: z.string().optional().meta({ description: 'Its id in reports; generated when absent.' }),
  at: durationMs.meta({ description: 'When it is submitted, as an offset from the start (e.g. 15m).' }),
  from: email,
  to: emails,
  size: sizeBytes.default(20_000),
});

/** A seeded generator of messages. */
export const generatorSchema = z.strictObject({
  rate: ratePerHour.meta({ description: 'Messages per hour at the profile peak.' }),
  profile: z
    .enum(['constant', 'business-hours'])
    .default('business-hours')
    .meta({ description: 'business-hours: quiet at night, ramp from 07:00, lunch dip, tail after 17:00.' }),
  domains: z.number().int().min(1).default(50).meta({ description: 'How many recipient domains to draw from.' }),
  recipients: countRange.prefault(1).meta({ description: 'Recipients per message, e.g. 1-3.' }),
  from: emails.meta({ description: 'Sender addresses, drawn at random.' }),
  size: sizeRangeBytes.prefault('5k-150k'),
  count: z.number().int().min(1).optional().meta({ description: 'Stop after this many messages.' }),
  until: durationMs.optional().meta({ description: 'Stop generating at this offset from the start (default: the window end).' }),
});

/** The outbound mail to replay. */
export const trafficSchema = z
  .strictObject({
    submit_to: z.string().optional().meta({ description: 'The inside server that receives it first.' }),
    messages: z.array(listedMessageSchema).default([]),
    generate: generatorSchema.optional(),
  })
  .refine((traffic) => traffic.messages.length > 0 || traffic.generate !== undefined, {
    message: 'no traffic: list messages or add a generator',
  });
