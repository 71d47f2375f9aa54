import { describe, expect, it } from 'vitest';
import { Greylist, subnetOf } from '../../../src/model/checks/greylist.js';
import { postgreyDefaults } from '../../../src/model/peer-policy.js';

const minute = 60_000;

describe('Greylist (postgrey)', () => {
  it('refuses a new triplet, and an early retry, then passes a retry after the delay', () => {
    const list = new Greylist({ ...postgreyDefaults, autoWhitelistAfter: 0 });
    expect(list.check('203.0.113.10', 'a@example.com', 'b@example.org', 0).pass).toBe(false);
    expect(list.check('203.0.113.10', 'a@example.com', 'b@example.org', 4 * minute)).toMatchObject({ pass: false, detail: 'retried too early: 240 s of 300 s' });
    expect(list.check('203.0.113.10', 'a@example.com', 'b@example.org', 5 * minute).pass).toBe(true);
    expect(list.check('203.0.113.10', 'a@example.com', 'b@example.org', 6 * minute).pass).toBe(true);
  });

  it('keys by the /24 by default, so a neighbour address shares the triplet, another network does not', () => {
    const list = new Greylist({ ...postgreyDefaults, autoWhitelistAfter: 0 });
    list.check('203.0.113.10', 'a@example.com', 'b@example.org', 0);
    expect(list.check('203.0.113.99', 'a@example.com', 'b@example.org', 10 * minute).pass).toBe(true);
    expect(list.check('198.51.100.20', 'a@example.com', 'b@example.org', 10 * minute).pass).toBe(false);
  });

  it('keys by the address when asked', () => {
    const list = new Greylist({ ...postgreyDefaults, bySubnet: false, autoWhitelistAfter: 0 });
    list.check('203.0.113.10', 'a@example.com', 'b@example.org', 0);
    expect(list.check('203.0.113.99', 'a@example.com', 'b@example.org', 10 * minute).pass).toBe(false);
  });

  it('treats a retry after the retry window as a new triplet', () => {
    const list = new Greylist({ ...postgreyDefaults, retryWindowMs: 60 * minute, autoWhitelistAfter: 0 });
    list.check('203.0.113.10', 'a@example.com', 'b@example.org', 0);
    expect(list.check('203.0.113.10', 'a@example.com', 'b@example.org', 61 * minute).pass).toBe(false);
    expect(list.check('203.0.113.10', 'a@example.com', 'b@example.org', 67 * minute).pass).toBe(true);
  });

  it('auto-whitelists a client after its passes', () => {
    const list = new Greylist({ ...postgreyDefaults, autoWhitelistAfter: 1 });
    list.check('203.0.113.10', 'a@example.com', 'b@example.org', 0);
    list.check('203.0.113.10', 'a@example.com', 'b@example.org', 5 * minute);
    expect(list.check('203.0.113.10', 'new@example.com', 'c@example.org', 6 * minute)).toMatchObject({ pass: true, detail: expect.stringContaining('auto-whitelisted') });
  });

  it('subnets: IPv4 /24 and IPv6 /64', () => {
    expect(subnetOf('203.0.113.10')).toBe('203.0.113.0/24');
    expect(subnetOf('2001:db8:0:1::25')).toBe('2001:db8:0:1::/64');
  });
});
