import ipaddr from 'ipaddr.js';

/** Record types the simulated DNS serves. SPF-type records are stored as TXT (RFC 7208 §3.1). */
export type RecordType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR' | 'CNAME';

/** One MX record: lower preference is tried first. */
export interface MxRecord {
  readonly preference: number;
  readonly exchange: string;
}

/** The data type of each record type. TXT holds the character-strings already joined. */
export interface RecordData {
  A: string;
  AAAA: string;
  MX: MxRecord;
  TXT: string;
  PTR: string;
  CNAME: string;
}

/**
 * The answer to one query, as data: a failing server (`timeout`) is an outcome, not an exception.
 * `nodata` means the name exists but has no record of that type; `nxdomain` that it does not exist.
 */
export type DnsAnswer<T> =
  | { readonly status: 'ok'; readonly records: readonly T[] }
  | { readonly status: 'nodata' }
  | { readonly status: 'nxdomain' }
  | { readonly status: 'timeout' };

/** Records at one owner name. `timeout: true` makes every query for the name time out. */
export interface ZoneEntry {
  readonly A?: readonly string[];
  readonly AAAA?: readonly string[];
  readonly MX?: readonly MxRecord[];
  readonly TXT?: readonly string[];
  readonly PTR?: readonly string[];
  readonly CNAME?: string;
  readonly timeout?: boolean;
}

/** How many CNAMEs a lookup follows before it gives up (a loop or a long chain). */
const maxCnameChain = 8;

/** Lower-cases a name and strips one trailing dot, so `Mail.Example.COM.` and `mail.example.com` meet. */
export function normaliseName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** The reverse-lookup name of an address: `203.0.113.10` → `10.113.0.203.in-addr.arpa`. */
export function reverseName(address: string): string {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') {
    return `${(parsed as ipaddr.IPv4).octets.slice().reverse().join('.')}.in-addr.arpa`;
  }
  const hex = (parsed as ipaddr.IPv6)
    .toByteArray()
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return `${hex.split('').reverse().join('.')}.ip6.arpa`;
}

/**
 * Owner names may be written as an address (`203.0.113.10: { PTR: … }`); they are stored under
 * their reverse name so PTR queries find them.
 */
function ownerName(name: string): string {
  return looksLikeAddress(name) && ipaddr.isValid(name) ? reverseName(name) : normaliseName(name);
}

/**
 * A cheap first test before ipaddr.isValid, which throws and catches internally for every name
 * that is not an address: costly when thousands of domain names are looked up.
 */
function looksLikeAddress(name: string): boolean {
  return name.includes(':') || /^[\d.]+$/.test(name);
}

/**
 * A static zone of records. Every identity check (PTR, FCrDNS, HELO, SPF, MX) reads from it.
 * Invariant: immutable after construction, so answers are the same at every simulated time.
 */
export class DnsZone {
  private readonly entries = new Map<string, ZoneEntry>();

  constructor(entries: Iterable<readonly [string, ZoneEntry]> = []) {
    for (const [name, entry] of entries) {
      const key = ownerName(name);
      this.entries.set(key, mergeEntries(this.entries.get(key), entry));
    }
  }

  /** Whether the name owns any record (or a timeout marker). */
  has(name: string): boolean {
    return this.entries.has(ownerName(name));
  }

  /** Queries one type at one name, following CNAMEs as a resolver would. */
  lookup<K extends RecordType>(name: string, type: K): DnsAnswer<RecordData[K]> {
    let current = normaliseName(name);
    for (let hops = 0; hops <= maxCnameChain; hops++) {
      const entry = this.entries.get(current);
      if (entry === undefined) return { status: 'nxdomain' };
      if (entry.timeout) return { status: 'timeout' };
      const records = recordsOf(entry, type);
      if (records.length > 0) return { status: 'ok', records };
      if (entry.CNAME === undefined || type === 'CNAME') return { status: 'nodata' };
      current = normaliseName(entry.CNAME);
    }
    return { status: 'timeout' };
  }

  /** PTR names of an address (queried at its reverse name). */
  lookupPtr(address: string): DnsAnswer<string> {
    return this.lookup(reverseName(address), 'PTR');
  }
}

function recordsOf<K extends RecordType>(entry: ZoneEntry, type: K): readonly RecordData[K][] {
  if (type === 'CNAME') return (entry.CNAME === undefined ? [] : [entry.CNAME]) as RecordData[K][];
  const records = entry[type as Exclude<RecordType, 'CNAME'>];
  return (records ?? []) as readonly RecordData[K][];
}

function mergeEntries(before: ZoneEntry | undefined, after: ZoneEntry): ZoneEntry {
  if (before === undefined) return after;
  const join = <T>(a?: readonly T[], b?: readonly T[]): readonly T[] | undefined =>
    a === undefined ? b : b === undefined ? a : [...a, ...b];
  return {
    A: join(before.A, after.A),
    AAAA: join(before.AAAA, after.AAAA),
    MX: join(before.MX, after.MX),
    TXT: join(before.TXT, after.TXT),
    PTR: join(before.PTR, after.PTR),
    CNAME: after.CNAME ?? before.CNAME,
    timeout: Boolean(before.timeout) || Boolean(after.timeout),
  };
}
