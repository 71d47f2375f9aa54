import { z } from 'zod';
import { countRange, durationMs, ratePerHour, sizeBytes, sizeRangeBytes } from './units.js';

const email = z.string().regex(/^[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'expected an address like alice@example.com.au');
const emails = z.union([email, z.array(email).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

/** One message, listed by hand. */
export const listedMessageSchema = z.strictObject({
  id: z.string().optional().meta({ description: 'Its id in reports; generated when absent.' }),
  at: durationMs.meta({ description: 'When it is submitted, as an offset from the start (e.g. 15m).' }),
  from: z.union([email, z.literal('')]).meta({ description: 'The envelope sender; "" for a null sender (a bounce).' }),
  to: emails,
  size: sizeBytes.default(20_000),
  observed: z.enum(['delivered', 'deferred', 'bounced', 'unknown']).optional().meta({ description: 'What the real server did with it (imported traffic); the report compares.' }),
});

const weightedDomains = z
  .record(z.string().regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'expected a domain name like example.com'), z.number().positive())
  .refine((weights) => Object.keys(weights).length > 0, 'list at least one domain')
  .meta({ description: 'Recipient domains and their weights, e.g. { gmail.com: 30, bigpond.com: 10 }.' });

/** A burst: a mailing at a local time of day, every day of the window. */
export const burstSchema = z.strictObject({
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time of day like 10:00').meta({ description: 'Local time of day, HH:MM.' }),
  recipients: z.number().int().min(1).meta({ description: 'How many recipients the mailing goes to.' }),
  per_message: z.number().int().min(1).default(1).meta({ description: 'Recipients per message (1: one message each).' }),
  spread: durationMs.optional().meta({ description: 'Submitted evenly over this long (default: all at once).' }),
  from: email.optional().meta({ description: 'Its sender (default: one of the generator\'s).' }),
  size: sizeBytes.optional().meta({ description: 'Its size (default: drawn as the others).' }),
});

/** A mail log to replay. */
export const importSchema = z.strictObject({
  file: z.string().min(1).meta({ description: 'The log, relative to this scenario file.' }),
  format: z.enum(['postfix', 'exchange', 'csv']).meta({ description: 'postfix: a maillog (classic or ISO 8601 syslog stamps); exchange: message tracking logs; csv: time,sender,recipients,size[,status].' }),
  year: z.number().int().min(1970).max(9999).optional().meta({ description: 'Year of classic syslog stamps, which carry none (default: the year of start).' }),
  strict: z.boolean().default(false).meta({ description: 'Refuse a log with any malformed line (default: count them and go on).' }),
});

/** A seeded generator of messages. */
export const generatorSchema = z.strictObject({
  rate: ratePerHour.meta({ description: 'Messages per hour at the profile peak.' }),
  profile: z
    .enum(['constant', 'business-hours'])
    .default('business-hours')
    .meta({ description: 'business-hours: quiet at night, ramp from 07:00, lunch dip, tail after 17:00.' }),
  arrivals: z.enum(['poisson', 'even']).default('poisson').meta({ description: 'poisson: random gaps (Poisson arrivals); even: a fixed gap, the rate exactly.' }),
  domains: z
    .union([
      z.number().int().min(1),
      z.strictObject({ count: z.number().int().min(1), zipf: z.number().min(0).default(1) }).meta({ description: 'Zipf-like: rank k of count domains weighs 1/k^zipf.' }),
      weightedDomains,
    ])
    .default(50)
    .meta({ description: 'Recipient domains: how many (drawn evenly), { count, zipf } (a few get most mail), or a weighted list.' }),
  recipients: z
    .union([countRange, z
        .strictObject({ mean: z.number().min(1), max: z.number().int().min(1).default(50) })
        .transform(({ mean, max }) => ({ min: 1, max, mean }))
        .meta({ description: 'Geometric: mostly one, now and then many.' })])
    .prefault(1)
    .meta({ description: 'Recipients per message: a range drawn evenly (1-3), or { mean, max }.' }),
  from: emails.meta({ description: 'Sender addresses, drawn at random.' }),
  size: z
    .union([sizeRangeBytes, z.strictObject({ median: sizeBytes, sigma: z.number().positive().default(1), min: sizeBytes.default(500), max: sizeBytes.default(25_000_000) }).meta({ description: 'Log-normal around a median.' })])
    .prefault('5k-150k')
    .meta({ description: 'Message sizes: a range drawn evenly (5k-150k), or { median, sigma, min, max }.' }),
  bursts: z.array(burstSchema).default([]).meta({ description: 'Mailings at a time of day, e.g. a newsletter to 500 recipients at 10:00.' }),
  count: z.number().int().min(1).optional().meta({ description: 'Stop after this many messages.' }),
  until: durationMs.optional().meta({ description: 'Stop generating at this offset from the start (default: the window end).' }),
});

/** The outbound mail to replay. */
export const trafficSchema = z
  .strictObject({
    submit_to: z.string().optional().meta({ description: 'The inside server that receives it first.' }),
    messages: z.array(listedMessageSchema).default([]),
    generate: generatorSchema.optional(),
    import: importSchema.optional().meta({ description: 'Replay a real mail log: { file, format }.' }),
  })
  .refine((traffic) => traffic.messages.length > 0 || traffic.generate !== undefined || traffic.import !== undefined, {
    message: 'no traffic: list messages, add a generator or import a log',
  });
