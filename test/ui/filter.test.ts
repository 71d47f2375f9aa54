import { describe, expect, it } from 'vitest';
import type { AttemptRecord, MessageRecord } from '../../src/run/types.js';
import { matchesFilter, parseFilter } from '../../src/ui/state/filter.js';
import { messageState } from '../../src/ui/state/message-state.js';

function attempt(patch: Partial<AttemptRecord>): AttemptRecord {
  return {
    messageId: 'm1', atMs: 0, endMs: 10, server: 'gw', nextHop: 'mx.one.test', nextHopAddress: '192.0.2.1', link: 'X1', sourceAddress: '203.0.113.10',
    rule: 'load-balancing:round-robin', recipients: ['a@one.test'], reply: { code: 250, enhanced: '2.0.0', text: 'Ok', stage: 'END-OF-DATA' },
    reason: 'accepted', checks: [], outcome: 'accepted', retryAtMs: null, ...patch,
  };
}

function message(attempts: AttemptRecord[], status: MessageRecord['status'] = 'pending', to = ['a@One.test', 'b@two.test']): MessageRecord {
  return { spec: { id: 'm00042', atMs: 0, from: 'sales@example.com.au', to, sizeBytes: 1000 }, status, finalReason: null, finishedAtMs: null, attempts, openDeliveries: 1, bounced: false } as unknown as MessageRecord;
}

const deferred = attempt({ link: 'X2', outcome: 'deferred', reason: 'no-ptr', reply: { code: 450, enhanced: '4.7.1', text: 'no PTR', stage: 'RCPT' } });

describe('message filter', () => {
  it('parses field terms and bare words, lower case', () => {
    expect(parseFilter('  Link:X2   rate  status: ').terms).toEqual([{ field: 'link', value: 'x2' }, { field: 'any', value: 'rate' }]);
    expect(parseFilter('421:x').terms).toEqual([{ field: 'any', value: '421:x' }]);
  });

  it('matches each field', () => {
    const m = message([deferred]);
    const passes = (text: string) => matchesFilter(m, parseFilter(text));
    expect(passes('domain:one')).toBe(true);
    expect(passes('domain:three')).toBe(false);
    expect(passes('link:x2')).toBe(true);
    expect(passes('link:x1')).toBe(false);
    expect(passes('status:deferred')).toBe(true);
    expect(passes('status:pending')).toBe(true);
    expect(passes('status:failed')).toBe(true);
    expect(passes('status:delivered')).toBe(false);
    expect(passes('reason:no-ptr')).toBe(true);
    expect(passes('reason:rate')).toBe(false);
    expect(passes('id:m0004')).toBe(true);
    expect(passes('from:sales')).toBe(true);
  });

  it('needs every term (AND), and a bare word may match any field', () => {
    const m = message([deferred]);
    expect(matchesFilter(m, parseFilter('x2 no-ptr'))).toBe(true);
    expect(matchesFilter(m, parseFilter('x2 rate-limited'))).toBe(false);
  });

  it('failures only keeps messages with a deferral, rejection or bounce', () => {
    expect(matchesFilter(message([attempt({})]), parseFilter('', true))).toBe(false);
    expect(matchesFilter(message([deferred, attempt({})]), parseFilter('', true))).toBe(true);
    expect(matchesFilter(message([], 'bounced'), parseFilter('', true))).toBe(true);
  });

  it('tells deferred from queued by the latest attempt', () => {
    expect(messageState(message([]))).toBe('queued');
    expect(messageState(message([deferred]))).toBe('deferred');
    expect(messageState(message([deferred, attempt({})]))).toBe('queued');
    expect(messageState(message([deferred], 'delivered'))).toBe('delivered');
  });
});
