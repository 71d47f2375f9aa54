import fc from 'fast-check';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema/index.js';

const linkAddresses = ['203.0.113.10', '198.51.100.20', '192.0.2.200'];

/**
 * Random but valid scenarios on the story's topology: one to three links with or without PTR,
 * outages, any balancing mode, optional policy routes, direct delivery or a rate-limited
 * smarthost, and a small listed or generated traffic load.
 */
export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    linkCount: fc.integer({ min: 1, max: 3 }),
    ptr: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    outages: fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 90 })), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    mode: fc.constantFrom('failover', 'round-robin', 'ratio', 'spill-over', 'hash'),
    network: fc.record({
      probe: fc.constantFrom(undefined, 'instant', { interval: '5s', down_after: 3, up_after: 3 }, { interval: '30s', down_after: 2, up_after: 1 }),
      loss: fc.constantFrom(0, 0, 0.05, 0.3),
      existing: fc.constantFrom(undefined, 'keep', 'kill', 'reroute'),
      sticky: fc.constantFrom(undefined, 'source', 'source-destination'),
    }),
    preempt: fc.boolean(),
    weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
    route: fc.option(fc.record({ via: fc.integer({ min: 0, max: 2 }), destination: fc.constantFrom('61.9.168.0/24', '192.0.2.0/24', '0.0.0.0/0'), whenDown: fc.constantFrom('fallback', 'drop') }), { nil: undefined }),
    smarthost: fc.boolean(),
    limit: fc.record({ max: fc.integer({ min: 1, max: 10 }), perMinutes: fc.integer({ min: 1, max: 20 }), blockMinutes: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), window: fc.constantFrom('fixed', 'sliding') }),
    strictShare: fc.double({ min: 0, max: 0.35, noNaN: true }),
    gmailShare: fc.double({ min: 0, max: 0.35, noNaN: true }),
    greyShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
    retry: fc.constantFrom('exchange-2003', 'exchange-2016', 'postfix'),
    durationMinutes: fc.integer({ min: 30, max: 300 }),
    rate: fc.integer({ min: 5, max: 300 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    concurrency: fc.integer({ min: 1, max: 5 }),
  })
  .map((p) => {
    const links = linkAddresses.slice(0, p.linkCount).map((address, i) => ({
      name: `X${i + 1}`,
      isp: i === 0 ? 'bigpond' : `isp${i}`,
      address,
      outages: p.outages[i] ? [{ from: `${p.outages[i]![0]}m`, to: `${p.outages[i]![0] + p.outages[i]![1]}m` }] : [],
      ...(i === 1 ? { loss: p.network.loss } : {}),
    }));
    const dns: Record<string, unknown> = { 'mail.example.com': { A: linkAddresses } };
    linkAddresses.forEach((address, i) => {
      if (p.ptr[i]) dns[address] = { PTR: 'mail.example.com' };
    });
    return scenarioSchema.parse({
      name: 'arbitrary',
      start: '2008-02-07T08:30:00+11:00',
      duration: `${p.durationMinutes}m`,
      seed: p.seed,
      links,
      firewall: {
        ...(p.network.probe === undefined ? {} : { probe: p.network.probe }),
        ...(p.network.existing === undefined ? {} : { existing_connections: p.network.existing }),
        load_balancing: {
          mode: p.mode, preempt: p.preempt, members: links.map((link, i) => ({ link: link.name, weight: p.weights[i] })),
          spill_over: { threshold_kbps: 50, window: '30s' }, hash: { fields: 'source-destination', ports: p.preempt },
          ...(p.network.sticky === undefined ? {} : { sticky: { by: p.network.sticky, timeout: '1m' } }),
        },
        policy_routes: p.route ? [{ name: 'pin', match: { destination: p.route.destination, service: 'smtp' }, via: `X${Math.min(p.route.via, p.linkCount - 1) + 1}`, when_down: p.route.whenDown }] : [],
      },
      dns,
      mail: [
        { name: 'exchange', address: '192.168.1.5', relay_to: 'gateway', retry: p.retry },
        { name: 'gateway', address: '192.168.1.10', helo: 'mail.example.com', retry: p.retry, concurrency: p.concurrency, ...(p.smarthost ? { smarthost: 'relay.example.net' } : {}) },
      ],
      internet: {
        relays: [{
          name: 'relay.example.net', address: '61.9.168.10', accepts: { isp: 'bigpond' },
          limit: { max: p.limit.max, per: `${p.limit.perMinutes}m`, window: p.limit.window, ...(p.limit.blockMinutes ? { block: `${p.limit.blockMinutes}m` } : {}) },
        }],
        receivers: {
          default: 'postfix-default',
          share: { 'postfix-strict': p.strictShare, gmail: p.gmailShare, grey: p.greyShare },
          // Greylisting and a recipient limit answer recipients one by one: per-recipient outcomes.
          policies: [{ name: 'grey', checks: { greylist: true }, limit: { max: 2, per: '10m', count: 'recipients', stage: 'RCPT' } }],
        },
      },
      traffic: { generate: { rate: `${p.rate}/h`, profile: 'constant', domains: 15, recipients: '1-3', from: ['a@example.com'], count: 60 } },
    });
  });
