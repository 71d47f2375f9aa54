import { describe, expect, it } from 'vitest';
import type { ObservedOutcome } from '../../src/model/traffic.js';
import type { MessageRecord, MessageStatus } from '../../src/model/world/types.js';
import { agrees, compareObserved } from '../../src/run/observed.js';

const record = (status: MessageStatus, observed?: ObservedOutcome): MessageRecord =>
  ({ spec: { id: 'x', atMs: 0, from: '', to: ['a@b.example'], sizeBytes: 1, ...(observed ? { observed } : {}) }, status }) as unknown as MessageRecord;

describe('logged outcomes beside simulated ones', () => {
  it('is null for traffic without logged outcomes', () => {
    expect(compareObserved([record('delivered'), record('bounced')])).toBeNull();
  });

  it('tabulates logged outcome by simulated status; deferred matches pending; unknown is not compared', () => {
    const comparison = compareObserved([
      record('delivered', 'delivered'), record('bounced', 'delivered'), record('pending', 'deferred'), record('delivered', 'deferred'),
      record('bounced', 'bounced'), record('delivered', 'unknown'), record('delivered'),
    ])!;
    expect(comparison.rows).toEqual([
      { observed: 'delivered', messages: 2, simulated: { delivered: 1, bounced: 1, pending: 0 } },
      { observed: 'deferred', messages: 2, simulated: { delivered: 1, bounced: 0, pending: 1 } },
      { observed: 'bounced', messages: 1, simulated: { delivered: 0, bounced: 1, pending: 0 } },
      { observed: 'unknown', messages: 1, simulated: { delivered: 1, bounced: 0, pending: 0 } },
    ]);
    expect([comparison.compared, comparison.agreeing]).toEqual([5, 3]);
    expect(agrees('unknown', 'pending')).toBe(false);
  });
});
