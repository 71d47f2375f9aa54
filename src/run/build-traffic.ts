import { Random } from '../core/random.js';
import { generateMessages, type GeneratorConfig, type MessageSpec } from '../model/traffic.js';
import type { Scenario } from '../scenario/schema/index.js';
import { importedTraffic } from './imported-traffic.js';
import type { WallClock } from './wall-clock.js';

type Generator = NonNullable<Scenario['traffic']['generate']>;

/**
 * The scenario's messages: listed, generated and imported, in submission order. The messages of
 * `traffic.import` are read and placed on the scenario's clock by the caller (reading a log is
 * I/O, which the run layer does not do): `given`, or else those attached to the import object.
 */
export function buildMessages(scenario: Scenario, seed: number, clock: WallClock, given?: readonly MessageSpec[]): MessageSpec[] {
  const spec = scenario.traffic.import;
  const imported = given ?? (spec === undefined ? undefined : importedTraffic(spec));
  if (spec !== undefined && imported === undefined) throw new Error(`the scenario imports ${spec.file}: read it first (attachImportedTraffic) or pass its messages`);
  const listed: MessageSpec[] = scenario.traffic.messages.map((message, index) => ({
    id: message.id ?? `msg${String(index + 1).padStart(4, '0')}`, atMs: message.at, from: message.from, to: message.to, sizeBytes: message.size,
    ...(message.observed === undefined ? {} : { observed: message.observed }),
  }));
  const generator = scenario.traffic.generate;
  const generated = generator
    ? generateMessages(generatorConfig(generator), new Random(seed), Math.min(generator.until ?? scenario.duration, scenario.duration), clock.startLocalDayMs)
    : [];
  return [...listed, ...generated, ...(imported ?? [])].sort((a, b) => a.atMs - b.atMs);
}

/** The model's generator settings from the scenario's; the defaults keep the original draws. */
export function generatorConfig(generator: Generator): GeneratorConfig {
  const { domains, recipients, size } = generator;
  return {
    ratePerHour: generator.rate,
    profile: generator.profile,
    domainCount: typeof domains === 'number' ? domains : 'count' in domains && typeof domains.count === 'number' ? domains.count : Object.keys(domains).length,
    recipients: { min: recipients.min, max: recipients.max },
    senders: generator.from,
    sizeBytes: 'median' in size ? { min: size.min, max: size.max } : size,
    ...(generator.count === undefined ? {} : { count: generator.count }),
    ...(generator.arrivals === 'even' ? { arrivals: 'even' as const } : {}),
    ...(typeof domains === 'number' ? {} : { domains: domainDistribution(domains) }),
    ...('mean' in recipients ? { recipientCount: { kind: 'geometric' as const, mean: recipients.mean, max: recipients.max } } : {}),
    ...('median' in size ? { size: { kind: 'lognormal' as const, medianBytes: size.median, sigma: size.sigma, minBytes: size.min, maxBytes: size.max } } : {}),
    ...(generator.bursts.length === 0 ? {} : { bursts: generator.bursts.map(burstConfig) }),
  };
}

function domainDistribution(domains: Exclude<Generator['domains'], number>): NonNullable<GeneratorConfig['domains']> {
  if (isZipf(domains)) return { kind: 'zipf', count: domains.count, exponent: domains.zipf };
  return { kind: 'weighted', domains: Object.entries(domains).map(([name, weight]) => ({ name: name.toLowerCase(), weight })) };
}

function isZipf(domains: Exclude<Generator['domains'], number>): domains is { count: number; zipf: number } {
  return typeof (domains as { count?: unknown }).count === 'number' && typeof (domains as { zipf?: unknown }).zipf === 'number';
}

function burstConfig(burst: Generator['bursts'][number]): NonNullable<GeneratorConfig['bursts']>[number] {
  const [hours, minutes] = burst.at.split(':').map(Number) as [number, number];
  return {
    atDayMs: (hours * 60 + minutes) * 60_000, recipients: burst.recipients, perMessage: burst.per_message, spreadMs: burst.spread ?? 0,
    ...(burst.from === undefined ? {} : { from: burst.from }), ...(burst.size === undefined ? {} : { sizeBytes: burst.size }),
  };
}
