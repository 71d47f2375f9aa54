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

const spfResults = ['fail', 'softfail', 'neutral', 'none', 'permerror'] as const;

const dnsblSetting = z
  .union([
    z.boolean(),
    replyAtStageSchema.extend({
      lists: z.array(z.string()).min(1).optional().meta({ description: 'Blocklists (under internet.blocklists) to consult; every one when absent.' }),
    }),
  ])
  .transform((value) => (value === false ? undefined : value === true ? {} : value));

const spfSetting = z
  .union([
    z.boolean(),
    replyAtStageSchema.extend({
      reject: z.array(z.enum(spfResults)).min(1).optional().meta({ description: 'SPF results refused (default: fail).' }),
      temperror_reply: smtpReply.optional().meta({ description: 'The answer when an SPF DNS lookup times out.' }),
    }),
  ])
  .transform((value) => (value === false ? undefined : value === true ? {} : value));

const greylistSetting = z
  .union([
    z.boolean(),
    z.strictObject({
      delay: durationMs.optional().meta({ description: 'How long a new triplet is refused (postgrey: 5m).' }),
      retry_window: durationMs.optional().meta({ description: 'How long after the first try a retry still counts (postgrey: 2d).' }),
      key: z.enum(['subnet', 'address']).optional().meta({ description: 'Key by the client /24 (postgrey default) or its address.' }),
      auto_whitelist: z.number().int().min(0).optional().meta({ description: 'Skip clients that passed this many times; 0 never (postgrey: 5).' }),
      reply: smtpReply.optional(),
    }),
  ])
  .transform((value) => (value === false ? undefined : value === true ? {} : value));

/** Checks a relay or receiver makes of the connecting client. */
export const checksSchema = z
  .strictObject({
    ptr: checkSetting.optional().meta({ description: 'Reject a client whose address has no PTR record.' }),
    fcrdns: checkSetting
      .optional()
      .meta({ description: 'Reject a client whose PTR name does not resolve back to its address.' }),
    dnsbl: dnsblSetting.optional().meta({ description: 'Reject a client listed on a blocklist (Postfix reject_rbl_client).' }),
    helo_fqdn: checkSetting.optional().meta({ description: 'Reject a HELO name that is not fully qualified (reject_non_fqdn_helo_hostname).' }),
    helo_resolves: checkSetting.optional().meta({ description: 'Reject a HELO name with no A, AAAA or MX record (reject_unknown_helo_hostname).' }),
    helo_ptr: checkSetting.optional().meta({ description: "Reject a HELO name that is not the client's PTR name." }),
    spf: spfSetting.optional().meta({ description: "Check the sender domain's SPF for the client address (RFC 7208)." }),
    greylist: greylistSetting.optional().meta({ description: 'Greylist new (client, sender, recipient) triplets, as postgrey does.' }),
  })
  .default({});

/** Postfix's own limits, with their replies: a preset for `limit`. */
export const limitPresetNames = ['postfix-message-rate', 'postfix-connection-rate', 'postfix-connection-count', 'postfix-recipient-rate'] as const;

/** A rate limit on what one client may do. */
export const limitSchema = z.strictObject({
  max: z.number().int().min(1).meta({ description: 'How many are accepted in one window.' }),
  preset: z.enum(limitPresetNames).optional().meta({ description: "One of Postfix's anvil limits: its window, count, reply and stage." }),
  per: durationMs.optional().meta({ description: 'The window length (the refill period of a token bucket); not for concurrent or rolling-24h.' }),
  window: z
    .enum(['fixed', 'sliding', 'rolling-24h', 'token-bucket', 'concurrent'])
    .optional()
    .meta({ description: 'fixed (default): anchored at the first event, reset once `per` has passed (Postfix anvil); sliding; rolling-24h; token-bucket; concurrent (sessions at once).' }),
  block: durationMs.optional().meta({ description: 'Once over the limit, refuse everything for this long.' }),
  extend_block: z.boolean().default(false).meta({ description: 'Attempts during the block start it again.' }),
  scope: z.enum(['source', 'sender', 'account', 'global']).default('source').meta({ description: 'What is counted apart: source address, sender, SMTP AUTH account, or all together.' }),
  count: z.enum(['messages', 'connections', 'recipients']).optional().meta({ description: 'What is counted (default messages; connections for concurrent).' }),
  reply: smtpReply.optional(),
  stage: smtpStage.optional(),
})
  .refine((limit) => limit.per !== undefined || limit.preset !== undefined || limit.window === 'concurrent' || limit.window === 'rolling-24h', {
    message: 'give `per`, the window length (e.g. per: 10m)',
    path: ['per'],
  })
  .refine((limit) => !limit.extend_block || limit.block !== undefined, { message: 'extend_block needs a `block` to extend', path: ['extend_block'] });

/** A DNS blocklist: a name and the address ranges it lists (a policy list of dynamic ranges, say). */
export const blocklistSchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'Its zone name, e.g. pbl.spamhaus.org; replies quote it.' }),
  description: z.string().optional(),
  networks: cidrList.meta({ description: 'The listed addresses and networks.' }),
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
  base: z.string().optional().meta({ description: 'A built-in policy to start from; checks given here replace its checks of the same kind, limits given here replace its limits.' }),
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
    blocklists: z.array(blocklistSchema).default([]).meta({ description: 'DNS blocklists receivers may consult.' }),
  })
  .default({ relays: [], receivers: { default: 'postfix-default', share: {}, domains: {}, policies: [] }, blocklists: [] });
