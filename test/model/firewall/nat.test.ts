import { describe, expect, it } from 'vitest';
import { Firewall } from '../../../src/model/firewall/firewall.js';
import { Nat, isUnroutable } from '../../../src/model/firewall/nat.js';

const addresses = new Map([['X1', '203.0.113.10'], ['X2', '198.51.100.20']]);

describe('outbound NAT', () => {
  it('without rules, every link translates to its own address', () => {
    const nat = new Nat(undefined, addresses);
    expect(nat.translate('X2', '192.168.1.10')).toEqual({ address: '198.51.100.20', ispDrops: false });
  });

  it('the most specific matching rule of the egress link wins, whatever the file order', () => {
    const nat = new Nat([
      { link: 'X1', address: '203.0.113.10' },
      { link: 'X1', source: ['192.168.1.0/24'], address: '203.0.113.11' },
      { link: 'X1', source: ['192.168.1.10'], address: '203.0.113.12' },
    ], addresses);
    expect(nat.translate('X1', '192.168.1.10').address).toBe('203.0.113.12');
    expect(nat.translate('X1', '192.168.1.5').address).toBe('203.0.113.11');
    expect(nat.translate('X1', '10.0.0.5').address).toBe('203.0.113.10');
  });

  it('a pool gives each inside source one of its addresses, always the same one', () => {
    const pool = ['203.0.113.20', '203.0.113.21', '203.0.113.22'];
    const nat = new Nat([{ link: 'X1', pool }], addresses);
    const sources = Array.from({ length: 40 }, (_, i) => `192.168.1.${i + 1}`);
    const chosen = sources.map((source) => nat.translate('X1', source).address);
    expect(new Set(chosen)).toEqual(new Set(pool));
    expect(sources.map((source) => new Nat([{ link: 'X1', pool }], addresses).translate('X1', source).address)).toEqual(chosen);
  });

  it('a link no rule covers sends the private address, which the ISP drops', () => {
    const firewall = new Firewall(
      { loadBalancing: { mode: 'round-robin', members: [{ link: 'X1' }, { link: 'X2' }], preempt: true }, policyRoutes: [], nat: [{ link: 'X1', address: '203.0.113.10' }] },
      addresses,
    );
    const flow = { sourceAddress: '192.168.1.10', destinationAddress: '192.0.2.1', port: 25 };
    expect(firewall.route(flow)).toMatchObject({ link: 'X1', natAddress: '203.0.113.10', ispDrops: false });
    expect(firewall.route(flow)).toMatchObject({ link: 'X2', natAddress: '192.168.1.10', ispDrops: true });
  });

  it('knows which sources the internet does not route', () => {
    expect(['192.168.1.10', '10.1.2.3', '172.16.0.1', '100.64.0.1', 'fd00::1'].map(isUnroutable)).toEqual([true, true, true, true, true]);
    expect(['203.0.113.10', '8.8.8.8'].map(isUnroutable)).toEqual([false, false]);
  });
});
