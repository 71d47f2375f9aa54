import { z } from 'zod';
import { ipAddress } from './units.js';

const hostName = z.string().regex(/^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9.])?$/, 'expected a host name like mail.example.com');

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const mxRecord = z
  .union([
    z.tuple([z.number().int().min(0).max(65535), hostName]),
    z.strictObject({ preference: z.number().int().min(0).max(65535), exchange: hostName }),
  ])
  .transform((mx) => (Array.isArray(mx) ? { preference: mx[0], exchange: mx[1] } : mx));

/** Records at one owner name; an address as owner name holds its PTR. */
export const zoneEntrySchema = z.strictObject({
  A: oneOrMany(ipAddress).optional(),
  AAAA: oneOrMany(ipAddress).optional(),
  MX: z.array(mxRecord).optional().meta({ description: 'MX records as [preference, host] pairs.' }),
  TXT: oneOrMany(z.string()).optional().meta({ description: 'TXT records, SPF among them.' }),
  PTR: oneOrMany(hostName).optional(),
  CNAME: hostName.optional(),
  TIMEOUT: z.literal(true).optional().meta({ description: 'Every query for this name times out.' }),
});

/** The DNS zone: owner name (or address, for PTR) → records. */
export const dnsSchema = z.record(z.string(), zoneEntrySchema).default({});
