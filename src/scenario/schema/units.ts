import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const durationUnitsMs: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const durationPart = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const durationPattern = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

/** Parses `90s`, `10m`, `4h`, `2d`, `250ms`, or compounds like `1h30m`, into integer ms; `undefined` when malformed. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (!durationPattern.test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(durationPart)) total += Number(match[1]) * durationUnitsMs[match[2]!]!;
  return Math.round(total);
}

/** Formats ms back into the shortest exact duration text (`600000` → `10m`). */
export function formatDurationMs(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = durationUnitsMs[unit]!;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** A duration in a scenario file, validated and turned into integer ms. */
export const durationMs = z
  .string()
  .regex(durationPattern, 'expected a duration like 90s, 10m, 1h30m or 2d')
  .transform((text) => parseDurationMs(text)!)
  .meta({ description: 'A duration: a number and a unit (ms, s, m, h, d), e.g. 90s, 10m, 1h30m, 2d.' });

const ratePattern = /^(\d+(?:\.\d+)?)\/(s|m|h|d)$/;

/** A rate like `160/h`, turned into events per hour. */
export const ratePerHour = z
  .string()
  .regex(ratePattern, 'expected a rate like 160/h, 3/m or 2000/d')
  .transform((text) => {
    const [, amount, unit] = ratePattern.exec(text)!;
    return (Number(amount) * 3_600_000) / durationUnitsMs[unit!]!;
  })
  .meta({ description: 'A rate: a number per unit of time, e.g. 160/h, 3/m, 2000/d.' });

const sizeUnits: Record<string, number> = { '': 1, b: 1, k: 1_000, m: 1_000_000, g: 1_000_000_000 };
const sizePattern = /^(\d+(?:\.\d+)?)([kKmMgGbB]?)$/;

/** Parses `20k`, `1.5M` or `512` into bytes; `undefined` when malformed. */
export function parseSizeBytes(text: string): number | undefined {
  const match = sizePattern.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * sizeUnits[match[2]!.toLowerCase()]!);
}

/** A message size in a scenario file (`20k`, `1.5M`, or a number of bytes), in bytes. */
export const sizeBytes = z
  .union([z.number().int().nonnegative(), z.string().regex(sizePattern, 'expected a size like 20k, 1.5M or 800')])
  .transform((value) => (typeof value === 'number' ? value : parseSizeBytes(value)!))
  .meta({ description: 'A size in bytes: a number, or with a unit k, M or G (powers of 1000), e.g. 20k, 1.5M.' });

/** A range of sizes `5k-200k`, or a single size. */
export const sizeRangeBytes = z
  .union([
    z.number().int().nonnegative(),
    z.string().regex(/^[\d.]+[kKmMgGbB]?(-[\d.]+[kKmMgGbB]?)?$/, 'expected a size or a range like 5k-200k'),
  ])
  .transform((value) => {
    if (typeof value === 'number') return { min: value, max: value };
    const [low, high] = value.split('-');
    const min = parseSizeBytes(low!)!;
    return { min, max: high === undefined ? min : parseSizeBytes(high)! };
  });

/** A count range `1-3`, or a single count. */
export const countRange = z
  .union([z.number().int().positive(), z.string().regex(/^\d+(-\d+)?$/, 'expected a count or a range like 1-3')])
  .transform((value) => {
    if (typeof value === 'number') return { min: value, max: value };
    const [low, high] = value.split('-').map(Number);
    return { min: low!, max: high ?? low! };
  });

/** An IPv4 or IPv6 address, kept as its text. */
export const ipAddress = z
  .string()
  .refine((text) => ipaddr.isValid(text), 'expected an IP address like 203.0.113.10')
  .meta({ description: 'An IPv4 or IPv6 address.' });

/** A CIDR block (`61.9.168.0/24`) or a single address (taken as /32 or /128). */
export const cidr = z
  .string()
  .refine(
    (text) => ipaddr.isValid(text) || isCidr(text),
    'expected an address or a network like 61.9.168.0/24',
  )
  .meta({ description: 'An address or a CIDR network, e.g. 61.9.168.0/24.' });

function isCidr(text: string): boolean {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}

/** One CIDR or a list of them, always returned as a list. */
export const cidrList = z.union([cidr, z.array(cidr).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

/** SMTP stages at which a server can answer. */
export const smtpStages = ['CONNECT', 'HELO', 'MAIL', 'RCPT', 'DATA', 'END-OF-DATA'] as const;

/** The stage an SMTP reply is sent at. */
export const smtpStage = z.enum(smtpStages);

const replyPattern = /^([245]\d\d)(?:[ -]([245]\.\d{1,3}\.\d{1,3}))?(?:\s+(.*))?$/;

/** An SMTP reply written as text: `421 message rejected`, `450 4.7.1 Client host rejected: …`. */
export const smtpReply = z
  .string()
  .regex(replyPattern, 'expected an SMTP reply like "421 message rejected" or "450 4.7.1 text"')
  .transform((text) => {
    const [, code, enhanced, rest] = replyPattern.exec(text.trim())!;
    return { code: Number(code), enhanced: enhanced ?? null, text: rest ?? '' };
  });
