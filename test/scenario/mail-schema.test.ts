import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load-scenario.js';

const base = (internet: string, mail = '  - { name: gw, address: 192.168.1.10 }'): string => `name: t
start: 2024-03-12T08:00:00+10:00
duration: 1h
links:
  - { name: X1, isp: isp1, address: 203.0.113.10 }
firewall:
  load_balancing: { mode: failover, members: [X1] }
dns: {}
mail:
${mail}
internet:
${internet}
traffic: { messages: [{ at: 1m, from: a@a.example, to: [b@b.example] }] }
`;

function problems(text: string): string[] {
  const loaded = loadScenarioText(text, 't.yaml');
  return loaded.ok ? [] : loaded.diagnostics.map((d) => `${d.line}:${d.path?.join('.') ?? ''}: ${d.message}`);
}

describe('mail-side keys of a scenario', () => {
  it('accepts every check, limit kind, blocklists, policy bases and server options', () => {
    expect(problems(base(`  blocklists: [{ name: pbl.example.org, networks: [198.51.100.0/24] }]
  relays:
    - name: relay.isp.example
      address: 61.9.168.10
      limit:
        - { max: 5, per: 1m, window: token-bucket, scope: account }
        - { max: 2, window: concurrent }
        - { max: 1000, window: rolling-24h, count: recipients }
        - { max: 30, preset: postfix-message-rate }
        - { max: 10, per: 10m, block: 20m, extend_block: true }
  receivers:
    default: strict-grey
    policies:
      - name: strict-grey
        base: postfix-strict
        checks:
          dnsbl: { lists: [pbl.example.org], stage: MAIL }
          helo_ptr: true
          spf: { reject: [fail, softfail], temperror_reply: "451 4.4.3 try later" }
          greylist: { delay: 2m, retry_window: 1d, key: address, auto_whitelist: 0 }`,
    `  - { name: gw, address: 192.168.1.10, fallback_relay: relay.isp.example, destination_concurrency: 5, account: office, queue_run: 5m, delay_notice: 4h }`))).toEqual([]);
  });

  it('names the line and what to do for unknown names and missing settings', () => {
    const found = problems(base(`  relays:
    - { name: relay.isp.example, address: 61.9.168.10, checks: { dnsbl: { lists: [pbl] } } }
  receivers:
    policies: [{ name: mine, base: gmial }]`, '  - { name: gw, address: 192.168.1.10, fallback_relay: relay.isp.exampel }'));
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^13:.*dnsbl.*a blocklist check with no blocklists/),
      expect.stringMatching(/^15:.*base: no built-in policy named "gmial"; did you mean "gmail"\?/),
      expect.stringMatching(/^10:mail\.0\.fallback_relay: no relay .* named "relay.isp.exampel"; did you mean "relay.isp.example"\?/),
    ]));
  });

  it('a limit without its window length says what to give', () => {
    expect(problems(base('  relays: [{ name: r.example, address: 61.9.168.10, limit: { max: 5 } }]'))).toEqual(['12:internet.relays.0.limit.per: give `per`, the window length (e.g. per: 10m)']);
  });
});
