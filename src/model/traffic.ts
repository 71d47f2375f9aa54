import type { Random } from '../core/random.js';
import { drawGeometricCount, drawLogNormal, WeightedIndex, zipfWeights } from './traffic-draw.js';

/** One outbound message as submitted to the first inside server. */
export interface MessageSpec {
  readonly id: string;
  /** Submission time, ms from the scenario start. */
  readonly atMs: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly sizeBytes: number;
  /**
   * Each recipient's domain, lower-cased, in the order of `to`, when the source already knows
   * them (the generator does). One shared string per domain: the world keys its destinations by
   * them, and need not take every address apart. Absent, the world works them out.
   */
  readonly toDomains?: readonly string[];
  /** What the real server did with it, for messages imported from a mail log. */
  readonly observed?: ObservedOutcome;
}

/**
 * A message's fate in a real mail log: delivered to every recipient, deferred (still queued when
 * the log ends), bounced (any recipient), or unknown (the log never says).
 */
export type ObservedOutcome = 'delivered' | 'deferred' | 'bounced' | 'unknown';

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
  /** poisson (default): exponential gaps; even: a fixed gap, the rate exactly. */
  readonly arrivals?: 'poisson' | 'even';
  /** How recipient domains are drawn; default: uniformly from `domainCount` made-up domains. */
  readonly domains?: DomainDistribution;
  /** Recipients per message; default: uniform over `recipients`. */
  readonly recipientCount?: CountDistribution;
  /** Message sizes; default: uniform over `sizeBytes`. */
  readonly size?: SizeDistribution;
  /** One-off mailings on top of the steady stream, e.g. a newsletter at 10:00. */
  readonly bursts?: readonly BurstConfig[];
}

/** Recipient domains: Zipf-like over `count` made-up domains (rank k weighs 1/k^exponent), or a weighted list. */
export type DomainDistribution =
  | { readonly kind: 'zipf'; readonly count: number; readonly exponent: number }
  | { readonly kind: 'weighted'; readonly domains: readonly { readonly name: string; readonly weight: number }[] };

/** Recipients per message: 1 + a geometric count with the given mean (≥ 1), capped at `max`. */
export type CountDistribution = { readonly kind: 'geometric'; readonly mean: number; readonly max: number };

/** Message sizes: log-normal around a median, `sigma` its spread, clamped to [minBytes, maxBytes]. */
export type SizeDistribution = { readonly kind: 'lognormal'; readonly medianBytes: number; readonly sigma: number; readonly minBytes: number; readonly maxBytes: number };

/**
 * A mailing sent at a local time of day, every day of the window: `recipients` addresses, `perMessage`
 * to a message, submitted evenly over `spreadMs`.
 */
export interface BurstConfig {
  /** Local time of day, ms after midnight. */
  readonly atDayMs: number;
  readonly recipients: number;
  readonly perMessage: number;
  readonly spreadMs: number;
  readonly from?: string;
  readonly sizeBytes?: number;
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

/** Draws of a recipient a message already lists before it goes with one recipient fewer. */
const maxRedraws = 8;

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
 * scenario's start being `startLocalDayMs` after local midnight, then adds the bursts. Same seed,
 * same messages, in time order. `count` limits the steady stream, not the bursts.
 */
export function generateMessages(config: GeneratorConfig, random: Random, windowMs: number, startLocalDayMs: number, idPrefix = 'm'): MessageSpec[] {
  const messages: MessageSpec[] = [];
  const meanGapMs = 3_600_000 / config.ratePerHour;
  const draw = new MessageDraw(config, random);
  let atMs = 0;
  for (;;) {
    atMs += config.arrivals === 'even' ? meanGapMs : random.exponential(meanGapMs);
    if (atMs >= windowMs || (config.count !== undefined && messages.length >= config.count)) break;
    const factor = profileFactor(config.profile, (startLocalDayMs + atMs) % 86_400_000);
    if (random.next() >= factor) continue;
    const recipientCount = draw.recipientCount();
    const { to, toDomains } = draw.recipients(recipientCount);
    messages.push({
      id: `${idPrefix}${String(messages.length + 1).padStart(5, '0')}`,
      atMs: Math.floor(atMs),
      from: random.pick(config.senders),
      to,
      toDomains,
      sizeBytes: draw.size(),
    });
  }
  if (config.bursts === undefined || config.bursts.length === 0) return messages;
  config.bursts.forEach((burst, index) => addBurst(messages, burst, draw, config, windowMs, startLocalDayMs, `${idPrefix}b${index + 1}.`));
  return messages.sort((a, b) => a.atMs - b.atMs);
}

/** Adds a burst's messages on every day of the window whose local time passes its `atDayMs`. */
function addBurst(messages: MessageSpec[], burst: BurstConfig, draw: MessageDraw, config: GeneratorConfig, windowMs: number, startLocalDayMs: number, idPrefix: string): void {
  const messageCount = Math.ceil(burst.recipients / burst.perMessage);
  for (let day = 0; ; day++) {
    const startMs = burst.atDayMs - startLocalDayMs + day * 86_400_000;
    if (startMs >= windowMs) return;
    if (startMs < 0) continue;
    for (let i = 0; i < messageCount; i++) {
      const atMs = startMs + Math.floor((burst.spreadMs * i) / messageCount);
      if (atMs >= windowMs) break;
      const wanted = Math.min(burst.perMessage, burst.recipients - i * burst.perMessage);
      const to = new Map<string, string>();
      for (let tries = 0; to.size < wanted && tries < wanted * 4; tries++) {
        const { address, domain } = draw.address();
        to.set(address, domain);
      }
      messages.push({ id: `${idPrefix}${day + 1}.${String(i + 1).padStart(4, '0')}`, atMs, from: burst.from ?? draw.random.pick(config.senders), to: [...to.keys()], toDomains: [...to.values()], sizeBytes: burst.sizeBytes ?? draw.size() });
    }
  }
}

/**
 * The per-message draws of a generator. The defaults (uniform recipients, domains and sizes) make
 * exactly the draws they always made, in the same order, so existing scenarios keep their traffic.
 */
class MessageDraw {
  private readonly domains: readonly string[];
  private readonly addresses: AddressBook;
  private readonly domainIndex: WeightedIndex | undefined;

  constructor(private readonly config: GeneratorConfig, readonly random: Random) {
    const choice = config.domains;
    this.domains =
      choice?.kind === 'weighted' ? choice.domains.map((domain) => domain.name)
      : Array.from({ length: choice?.kind === 'zipf' ? choice.count : config.domainCount }, (_, i) => domainName(i + 1));
    this.addresses = new AddressBook(this.domains);
    this.domainIndex = choice?.kind === 'weighted' ? new WeightedIndex(choice.domains.map((domain) => domain.weight)) : choice?.kind === 'zipf' ? new WeightedIndex(zipfWeights(choice.count, choice.exponent)) : undefined;
  }

  recipientCount(): number {
    const distribution = this.config.recipientCount;
    return distribution === undefined ? this.random.int(this.config.recipients.min, this.config.recipients.max) : drawGeometricCount(this.random, distribution.mean, distribution.max);
  }

  /** A message's recipients and their domains; one-recipient lists are shared between messages. */
  recipients(count: number): { to: readonly string[]; toDomains: readonly string[] } {
    if (count === 1) {
      const name = this.random.int(0, firstNames.length - 1);
      const domain = this.domain();
      return { to: this.addresses.single(name, domain), toDomains: this.addresses.domainList(domain) };
    }
    const to: string[] = [];
    const toDomains: string[] = [];
    for (let r = 0; r < count; r++) {
      let drawn = this.address();
      // A message lists each recipient once (Postfix's cleanup drops duplicates): draw again,
      // a few times, should the same address come up twice.
      for (let again = 0; again < maxRedraws && to.includes(drawn.address); again++) drawn = this.address();
      if (to.includes(drawn.address)) continue;
      to.push(drawn.address);
      toDomains.push(drawn.domain);
    }
    return { to, toDomains };
  }

  /** One recipient address and its domain. */
  address(): { address: string; domain: string } {
    const name = this.random.int(0, firstNames.length - 1);
    const domain = this.domain();
    return { address: this.addresses.address(name, domain), domain: this.addresses.domainOf(domain) };
  }

  size(): number {
    const size = this.config.size;
    return size === undefined ? this.random.int(this.config.sizeBytes.min, this.config.sizeBytes.max) : drawLogNormal(this.random, size.medianBytes, size.sigma, size.minBytes, size.maxBytes);
  }

  private domain(): number {
    return this.domainIndex === undefined ? this.random.int(0, this.domains.length - 1) : this.domainIndex.draw(this.random);
  }
}

const firstNames = ['alex', 'sam', 'jo', 'chris', 'pat', 'lee', 'kim', 'robin', 'jamie', 'casey', 'drew', 'morgan', 'info', 'sales', 'accounts'];

/**
 * Recipient addresses and one-recipient lists, made once per (name, domain) and shared: a day of
 * traffic reuses the same few thousand addresses across a million messages. The lists are typed
 * readonly but not frozen: V8 reads a frozen array's elements through a generic, uninlined path,
 * which cost the replay about 3% (one read per delivery).
 */
class AddressBook {
  private readonly addresses = new Map<number, string>();
  private readonly singles = new Map<number, readonly string[]>();
  private readonly domainLists = new Map<number, readonly string[]>();
  private readonly lowerCased: string[] = [];

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

  /** The lower-cased name of domain `domain`, one string per domain. */
  domainOf(domain: number): string {
    let name = this.lowerCased[domain];
    if (name === undefined) {
      name = this.domains[domain]!.toLowerCase();
      this.lowerCased[domain] = name;
    }
    return name;
  }

  /** A one-domain list (shared between messages). */
  domainList(domain: number): readonly string[] {
    let list = this.domainLists.get(domain);
    if (list === undefined) {
      list = [this.domainOf(domain)];
      this.domainLists.set(domain, list);
    }
    return list;
  }

  single(name: number, domain: number): readonly string[] {
    const key = domain * firstNames.length + name;
    let list = this.singles.get(key);
    if (list === undefined) {
      list = [this.address(name, domain)];
      this.singles.set(key, list);
    }
    return list;
  }
}
