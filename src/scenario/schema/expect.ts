import { z } from 'zod';

const atMost = z.number().int().min(0).optional().meta({ description: 'The most allowed.' });
const atLeast = z.number().int().min(0).optional().meta({ description: 'The least allowed.' });
const hasBound = (b: { at_most?: number | undefined; at_least?: number | undefined }): boolean =>
  b.at_most !== undefined || b.at_least !== undefined;

/** One expectation about a run's outcome; a failed one makes `run` exit 1. */
export const expectationSchema = z.union([
  z.strictObject({ all_delivered: z.literal(true) }),
  z.strictObject({ pending_at_end: z.number().int().min(0).meta({ description: 'At most this many.' }) }),
  z.strictObject({ bounced: z.number().int().min(0).meta({ description: 'At most this many.' }) }),
  z.strictObject({ no_attempts_via: z.string().meta({ description: 'A link no SMTP attempt may use.' }) }),
  z.strictObject({ no_failures_via: z.string().meta({ description: 'A link on which no attempt may fail.' }) }),
  z.strictObject({
    queue_peak: z
      .strictObject({ server: z.string(), at_most: atMost, at_least: atLeast })
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
