import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintScenario, positionFindings } from '../../src/lint/index.js';
import { busiestWindow } from '../../src/lint/rules/relay-limit.js';
import { cidrsCover } from '../../src/lint/rules/routes.js';
import { spfWithAddress } from '../../src/lint/rules/spf.js';
import { parseYamlSource } from '../../src/scenario/yaml-source.js';
import { scenarioFromText, smallSite, story } from '../workflow-fixtures.js';

function lint(text: string) {
  const source = parseYamlSource(text, 'test.yaml');
  return lintScenario(scenarioFromText(text), source.ok ? source.value : undefined);
}

const rules = (text: string): string[] => lint(text).map((f) => `${f.severity} ${f.rule}`);

describe('lint on the story', () => {
  it('01 and 04 are clean; 02 has the PTR and SPF errors on X2; 03 the relay limit', () => {
    const findings = (name: string) => lintScenario(story(name).scenario, parseYamlSource(story(name).text, 'f').ok ? (parseYamlSource(story(name).text, 'f') as { value: unknown }).value : undefined);
    expect(findings('01-single-wan')).toEqual([]);
    expect(findings('04-policy-route-fix')).toEqual([]);
    expect(findings('02-load-balanced').map((f) => f.rule)).toEqual(['smtp-link-no-ptr', 'spf-not-covered']);
    expect(findings('02-load-balanced').every((f) => f.path.join('.') === 'links.1.address')).toBe(true);
    const relay = findings('03-smarthost-workaround');
    expect(relay.map((f) => `${f.severity} ${f.rule}`)).toEqual(['error relay-limit-below-peak']);
    expect(relay[0]!.message).toContain('20 messages per 10m');
  });

  it('places findings at their line and column', () => {
    const { text, scenario } = story('02-load-balanced');
    const source = parseYamlSource(text, 'f.yaml');
    const placed = positionFindings(lintScenario(scenario, source.ok ? source.value : undefined), text, 'f.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('198.51.100.20, uplink')) + 1;
    expect(placed[0]).toMatchObject({ line, column: text.split('\n')[line - 1]!.indexOf('198.51.100.20') + 1 });
  });
});

describe('lint rules', () => {
  it('flags a smarthost load balanced onto a link it does not accept, and suggests the pinning route', () => {
    const text = smallSite({ mail: 'mail:\n  - { name: gw, address: 192.168.1.10, helo: mail.example.com.au, smarthost: relay.example }', relays: '  relays:\n    - { name: relay.example, address: 61.9.168.10, accepts: { isp: bigpond } }' });
    const finding = lint(text).find((f) => f.rule === 'smarthost-wrong-link')!;
    expect(finding.severity).toBe('error');
    expect(finding.fix).toContain('destination: 61.9.168.10, service: smtp }, via: X1');
  });

  it('flags shadowed routes (error when they name another link) and routes outside the group', () => {
    const firewall = [
      'firewall:',
      '  load_balancing: { mode: failover, members: [X1] }',
      '  policy_routes:',
      '    - { name: all-smtp, match: { service: smtp }, via: X1 }',
      '    - { name: gw-smtp, match: { source: 192.168.1.0/24, service: smtp }, via: X2 }',
      '    - { name: gw-again, match: { source: 192.168.1.10, service: tcp/25 }, via: X1 }',
    ].join('\n');
    const found = rules(smallSite({ firewall }));
    expect(found).toContain('error route-shadowed');
    expect(found).toContain('warning route-shadowed');
    expect(found).toContain('warning route-outside-group');
  });

  it('flags a link without a NAT rule when others have one, and an expectation about an unused link', () => {
    const firewall = 'firewall:\n  load_balancing: { mode: failover, members: [X1, X2] }\n  nat:\n    - { link: X1, address: 203.0.113.10 }';
    expect(rules(smallSite({ firewall }))).toContain('error link-without-nat');
    const unused = smallSite({ firewall: 'firewall:\n  load_balancing: { mode: failover, members: [X1] }', expect: '  - { no_attempts_via: X2 }' });
    expect(rules(unused)).toEqual(['warning expectation-vacuous']);
  });

  it('flags an FCrDNS mismatch', () => {
    const text = smallSite({ firewall: 'firewall:\n  load_balancing: { mode: failover, members: [X2] }', dns: '  198.51.100.20: { PTR: cable.example.net }\n  cable.example.net: { A: [198.51.100.99] }' });
    expect(rules(text)).toContain('error smtp-link-fcrdns');
  });

  it('cidrsCover: everything covers a list, a network covers its addresses, not the reverse', () => {
    expect(cidrsCover(undefined, ['10.0.0.1'])).toBe(true);
    expect(cidrsCover(['10.0.0.0/8'], undefined)).toBe(false);
    expect(cidrsCover(['10.0.0.0/8'], ['10.1.0.0/16', '10.2.3.4'])).toBe(true);
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 31 }), (address, bits) => cidrsCover([`${address}/${bits}`], [address]) && !cidrsCover([address], [`${address}/${bits}`])),
    );
  });

  it('spfWithAddress adds the address before the all term', () => {
    expect(spfWithAddress('v=spf1 mx -all', '198.51.100.20')).toBe('v=spf1 mx ip4:198.51.100.20 -all');
    expect(spfWithAddress(undefined, '2001:db8::1')).toBe('v=spf1 ip6:2001:db8::1 -all');
    expect(spfWithAddress('v=spf1 mx', '192.0.2.1')).toBe('v=spf1 mx ip4:192.0.2.1');
  });

  it('busiestWindow counts the most events inside any window', () => {
    expect(busiestWindow([0, 1, 2, 10, 11].map((atMs) => ({ atMs, weight: 1 })), 5)).toBe(3);
    fc.assert(fc.property(fc.array(fc.nat(1000)), fc.integer({ min: 1, max: 2000 }), (times, windowMs) => {
      const best = busiestWindow(times.map((atMs) => ({ atMs, weight: 1 })), windowMs);
      return best <= times.length && (times.length === 0 || best >= 1);
    }));
  });
});
