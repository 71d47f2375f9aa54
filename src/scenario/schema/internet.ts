import { z } from 'zod';
import { cidrList, durationMs, ipAddress, smtpReply, smtpStage } from './units.js';

/** A reply and the SMTP stage it is given at, overriding a check's default. */
export const replyAtStageSchema = z.strictObject({
  reply: smtpReply.optional(),
  stage: smtpStage.optional(),
});

const checkSetting = z
  .union([z.boolean(), replyAtStageSchema])
  .transform((value) => (value === false ? undefined : value === true ? {} : value));

/** Identity checks a relay or receiver makes of the connecting address. */
export const checksSchema = z
  .strictObject({
    ptr: checkSetting.optional().meta({ description: 'Reject a client whose address has no PTR record.' }),
    fcrdns: checkSetting
      .optional()
      .meta({ description: 'Reject a client whose PTR name does not resolve back to its address.' }),
  })
  .default({});

/** A rate limit on what one client may do. */
export const limitSchema = z.strictObject({
  max: z.number().int().min(1).meta({ description: 'How many are accepted in one window.' }),
  per: durationMs.meta({ description: 'The window length.' }),
  window: z
    .enum(['fixed', 'sliding'])
    .default('fixed')
    .meta({ description: 'fixed: anchored at the first event, reset once `per` has passed (Postfix anvil).' }),
  block: durationMs.optional().meta({ description: 'Once over the limit, refuse everything for this long.' }),
  scope: z.enum(['source', 'sender', 'global']).default('source').meta({ description: 'What is counted apart.' }),
  count: z.enum(['messages', 'connections', 'recipients']).default('messages'),
  reply: smtpReply.optional(),
  stage: smtpStage.optional(),
});

/** An SMTP relay on the internet that the site can use as a smarthost. */
export const relaySchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'Its host name; mail servers name it as smarthost.' }),
  description: z.string().optional(),
  address: ipAddress,
  accepts: z
    .strictObject({
      isp: z
        .union([z.string(), z.array(z.string())])
        .transform((value) => (Array.isArray(value) ? value : [value]))
        .optional()
        .meta({ description: 'Accept clients whose address belongs to these ISPs (their links).' }),
      networks: cidrList.optional(),
    })
    .optional()
    .meta({ description: 'Who may relay; anyone when absent.' }),
  limit: z
    .union([limitSchema, z.array(limitSchema)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .default([]),
  checks: checksSchema,
});

/** A named receiver policy for recipient domains' MX hosts. */
export const receiverPolicySchema = z.strictObject({
  name: z.string().regex(/^[a-z][\w.-]*$/, 'expected a policy name like strict-isp'),
  description: z.string().optional(),
  checks: checksSchema,
  limit: z
    .union([limitSchema, z.array(limitSchema)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .default([]),
});

/** Which policy the recipient domains' mail servers follow. */
export const receiversSchema = z
  .strictObject({
    default: z.string().default('postfix-default').meta({ description: 'Policy of domains not otherwise placed.' }),
    share: z
      .record(z.string(), z.number().min(0).max(1))
      .default({})
      .meta({ description: 'Fractions of the other domains that follow each policy, e.g. { postfix-strict: 0.3 }.' }),
    domains: z.record(z.string(), z.string()).default({}).meta({ description: 'Policy per recipient domain.' }),
    policies: z.array(receiverPolicySchema).default([]).meta({ description: 'Policies of your own.' }),
  })
  .refine((receivers) => Object.values(receivers.share).reduce((sum, part) => sum + part, 0) <= 1, {
    message: 'the shares add up to more than 1',
    path: ['share'],
  });

/** The internet beyond the firewall. */
export const internetSchema = z
  .strictObject({
    relays: z.array(relaySchema).default([]),
    receivers: receiversSchema.default({ default: 'postfix-default', share: {}, domains: {}, policies: [] }),
  })
  .default({ relays: [], receivers: { default: 'postfix-default', share: {}, domains: {}, policies: [] } });
