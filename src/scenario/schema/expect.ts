import { z } from 'zod';
import { durationMs } from './units.js';

const atMost = z.number().int().min(0).optional().meta({ description: 'The most allowed.' });
const atLeast = z.number().int().min(0).optional().meta({ description: 'The least allowed.' });
const service = z
  .union([z.enum(['any', 'smtp', 'submission', 'smtps']), z.string().regex(/^tcp\/\d{1,5}$/, 'expected a service: any, smtp, submission, smtps or tcp/PORT')])
  .meta({ description: 'Only attempts to this service (SMTP attempts are TCP 25).' });
const hasBound = (b: { at_most?: number | undefined; at_least?: number | undefined }): boolean =>
  b.at_most !== undefined || b.at_least !== undefined;

/** One expectation about a run's outcome; a failed one makes `run` exit 1. */
export const expectationSchema = z.union([
  z.strictObject({ all_delivered: z.literal(true) }),
  z.strictObject({ pending_at_end: z.number().int().min(0).meta({ description: 'At most this many.' }) }),
  z.strictObject({ nothing_pending: z.literal(true).meta({ description: 'No message may still be queued when the window closes.' }) }),
  z.strictObject({ bounced: z.number().int().min(0).meta({ description: 'At most this many.' }) }),
  z.strictObject({
    no_attempts_via: z
      .union([z.string(), z.strictObject({ link: z.string(), service: service.optional() })])
      .meta({ description: 'A link no attempt may use: X2, or { link: X2, service: smtp } for one service only.' }),
  }),
  z.strictObject({ no_failures_via: z.string().meta({ description: 'A link on which no attempt may fail.' }) }),
  z.strictObject({
    failures_via: z
      .strictObject({ link: z.string(), at_most: z.number().int().min(0) })
      .meta({ description: 'At most this many failed (deferred or rejected) attempts through the link.' }),
  }),
  z.strictObject({ no_reason: z.string().meta({ description: 'No attempt or message may end with this reason.' }) }),
  z.strictObject({
    delivery_delay: z
      .strictObject({
        percentile: z.number().min(1).max(100).default(95).meta({ description: 'Which percentile; 95 by default.' }),
        at_most: durationMs.meta({ description: 'The longest allowed delay from submission to delivery, e.g. 10m.' }),
      })
      .meta({ description: 'Delay from submission to final delivery; messages still pending count with their wait so far.' }),
  }),
  z.strictObject({
    queue_peak: z
      .strictObject({ server: z.string().optional().meta({ description: 'One server; every server when absent.' }), at_most: atMost, at_least: atLeast })
      .refine(hasBound, 'give at_most, at_least or both'),
  }),
  z.strictObject({
    reason: z
      .strictObject({ name: z.string(), at_most: atMost, at_least: atLeast })
      .refine(hasBound, 'give at_most, at_least or both'),
  }),
]);

/** An expectation after validation. */
export type Expectation = z.output<typeof expectationSchema>;
