import type { Random } from '../core/random.js';

/** One outbound message as submitted to the first inside server. */
export interface MessageSpec {
  readonly id: string;
  /** Submission time, ms from the scenario start. */
  readonly atMs: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly sizeBytes: number;
}

/** A seeded traffic generator. */
export interface GeneratorConfig {
  /** Messages per hour at the profile's peak (factor 1). */
  readonly ratePerHour: number;
  readonly profile: 'constant' | 'business-hours';
  readonly domainCount: number;
  readonly recipients: { readonly min: number; readonly max: number };
  readonly senders: readonly string[];
  readonly sizeBytes: { readonly min: number; readonly max: number };
  readonly count?: number;
}

/**
 * The business-hours profile: share of the peak rate for each local hour of the day. Quiet at
 * night, a ramp from 07:00, a lunch dip, a tail after 17:00.
 */
export const businessHoursFactors: readonly number[] = [
  0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.08, 0.3, 0.75, 1, 1, 0.95, 0.6, 0.8, 1, 0.95, 0.8, 0.45, 0.25, 0.15, 0.1, 0.06, 0.04, 0.03,
];

/** Rate factor (0..1] at a local time of day, ms since local midnight. */
export function profileFactor(profile: GeneratorConfig['profile'], localDayMs: number): number {
  if (profile === 'constant') return 1;
  const hour = Math.floor(localDayMs / 3_600_000) % 24;
  return businessHoursFactors[(hour + 24) % 24]!;
}

const syllables = ['har', 'bour', 'west', 'field', 'ash', 'ton', 'bay', 'view', 'kin', 'gate', 'mer', 'ri', 'del', 'ta', 'nor', 'lo', 'sun', 'vale', 'cres', 'cent', 'oak', 'ley', 'sto', 'ne'];
const suffixes = ['.com.au', '.com', '.net.au', '.org.au', '.com.au', '.net'];

/** A plausible, deterministic recipient domain name for index `index`. */
export function domainName(index: number): string {
  let n = index;
  let name = '';
  do {
    name += syllables[n % syllables.length]!;
    n = Math.floor(n / syllables.length);
  } while (n > 0 || name.length < 6);
  return `${name}${index}${suffixes[index % suffixes.length]!}`;
}

/**
 * Generates messages over [0, windowMs) as a non-homogeneous Poisson process (thinning), the
 * scenario's start being `startLocalDayMs` after local midnight. Same seed, same messages.
 */
export function generateMessages(config: GeneratorConfig, random: Random, windowMs: number, startLocalDayMs: number, idPrefix = 'm'): MessageSpec[] {
  const messages: MessageSpec[] = [];
  const meanGapMs = 3_600_000 / config.ratePerHour;
  const domains = Array.from({ length: config.domainCount }, (_, i) => domainName(i + 1));
  const addresses = new AddressBook(domains);
  let atMs = 0;
  for (;;) {
    atMs += random.exponential(meanGapMs);
    if (atMs >= windowMs || (config.count !== undefined && messages.length >= config.count)) break;
    const factor = profileFactor(config.profile, (startLocalDayMs + atMs) % 86_400_000);
    if (random.next() >= factor) continue;
    const recipientCount = random.int(config.recipients.min, config.recipients.max);
    let to: readonly string[];
    if (recipientCount === 1) to = addresses.single(random.int(0, firstNames.length - 1), random.int(0, domains.length - 1));
    else {
      const list: string[] = [];
      for (let r = 0; r < recipientCount; r++) list.push(addresses.address(random.int(0, firstNames.length - 1), random.int(0, domains.length - 1)));
      to = list;
    }
    messages.push({
      id: `${idPrefix}${String(messages.length + 1).padStart(5, '0')}`,
      atMs: Math.floor(atMs),
      from: random.pick(config.senders),
      to,
      sizeBytes: random.int(config.sizeBytes.min, config.sizeBytes.max),
    });
  }
  return messages;
}

const firstNames = ['alex', 'sam', 'jo', 'chris', 'pat', 'lee', 'kim', 'robin', 'jamie', 'casey', 'drew', 'morgan', 'info', 'sales', 'accounts'];

/**
 * Recipient addresses and one-recipient lists, made once per (name, domain) and shared: a day of
 * traffic reuses the same few thousand addresses across a million messages.
 */
class AddressBook {
  private readonly addresses = new Map<number, string>();
  private readonly singles = new Map<number, readonly string[]>();

  constructor(private readonly domains: readonly string[]) {}

  address(name: number, domain: number): string {
    const key = domain * firstNames.length + name;
    let address = this.addresses.get(key);
    if (address === undefined) {
      address = `${firstNames[name]!}@${this.domains[domain]!}`;
      this.addresses.set(key, address);
    }
    return address;
  }

  single(name: number, domain: number): readonly string[] {
    const key = domain * firstNames.length + name;
    let list = this.singles.get(key);
    if (list === undefined) {
      list = Object.freeze([this.address(name, domain)]);
      this.singles.set(key, list);
    }
    return list;
  }
}
