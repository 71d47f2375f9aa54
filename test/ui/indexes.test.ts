import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunSession } from '../../src/run/session.js';
import { MessageIndex } from '../../src/ui/controller/message-index.js';
import { RingBuffer } from '../../src/ui/controller/ring-buffer.js';
import { BucketSeries, future } from '../../src/ui/controller/series.js';
import { matchesFilter, parseFilter } from '../../src/ui/state/filter.js';
import { messageState } from '../../src/ui/state/message-state.js';
import { loadScenario } from './support.js';

describe('ring buffer', () => {
  it('keeps the newest entries with stable sequence numbers', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.last).toBeLessThan(ring.first);
    for (let i = 0; i < 5; i++) expect(ring.push(i * 10)).toBe(i);
    expect([ring.first, ring.last, ring.total]).toEqual([2, 4, 5]);
    expect([ring.at(1), ring.at(2), ring.at(4), ring.at(5)]).toEqual([undefined, 20, 40, undefined]);
  });
});

describe('bucket series', () => {
  it('sums counts per column and marks the future', () => {
    const series = new BucketSeries(1000, 100, 'sum');
    series.add(5);
    series.add(15);
    series.add(490);
    expect(series.columns(4, 499)).toEqual([2, 1, future, future]);
  });

  it('carries a level forward and keeps each column at its highest', () => {
    const series = new BucketSeries(1000, 100, 'level');
    series.set(0, 1);
    series.set(100, 7);
    series.set(120, 2);
    expect(series.columns(10, 999)).toEqual([1, 7, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(series.columns(10, 450).slice(4)).toEqual([2, future, future, future, future, future]);
  });
});

describe('message index', () => {
  it('applies a new filter in time-boxed steps, the list growing as the scan goes', () => {
    const session = new RunSession(loadScenario());
    const index = new MessageIndex(session.messages);
    session.subscribe((event) => {
      if (event.type === 'submitted') index.submit(event.messageId);
    });
    session.runUntil(session.endMs);
    index.setFilter(parseFilter('', true));
    expect(index.scanProgress).toBe(0);
    expect(index.submittedCount).toBeGreaterThan(100);
    // A deadline already past: one block of 50 messages per call.
    let calls = 0;
    let progress = 0;
    while (!index.scan(() => 1, 0, 50)) {
      calls++;
      expect(index.scanProgress).toBeGreaterThan(progress);
      progress = index.scanProgress;
      expect(index.view().length).toBeLessThanOrEqual(calls * 50);
    }
    expect(calls).toBe(Math.ceil(index.submittedCount / 50) - 1);
    expect(index.scanProgress).toBe(1);
  });

  it('keeps the filtered view equal to a full rescan, event after event', () => {
    const scenario = loadScenario();
    const filters = ['', 'x1', 'status:deferred', 'status:delivered', 'reason:rate', 'domain:com.au', 'link:x2', 'id:m0002'];
    fc.assert(
      fc.property(fc.constantFrom(...filters), fc.boolean(), fc.integer({ min: 5, max: 90 }), (text, failuresOnly, minutes) => {
        const session = new RunSession(scenario);
        const index = new MessageIndex(session.messages);
        const filter = parseFilter(text, failuresOnly);
        index.setFilter(filter);
        session.subscribe((event) => {
          if (event.type === 'submitted') index.submit(event.messageId);
          else if (event.type === 'attempt') index.attempt(event.attempt);
          else if (event.type === 'finished') index.finished(event.messageId);
        });
        // Look at the view half way, as frames do, then again at the end.
        const scanAll = () => index.scan(() => 0, Number.POSITIVE_INFINITY);
        session.runUntil((minutes * 60_000) / 4);
        scanAll();
        index.view();
        session.runUntil((minutes * 60_000) / 2);
        index.view();
        session.runUntil(minutes * 60_000);
        scanAll();
        const view = index.view();
        const shown = Array.from({ length: view.length }, (_, i) => view.seqAt(i));
        const expected = [];
        for (let seq = 0; seq < index.submittedCount; seq++) if (matchesFilter(index.message(seq), filter)) expected.push(seq);
        expect(shown).toEqual(expected);
        const counts = { queued: 0, deferred: 0, delivered: 0, bounced: 0 };
        for (let seq = 0; seq < index.submittedCount; seq++) counts[messageState(index.message(seq))]++;
        expect(index.stateCounts).toEqual(counts);
      }),
      { numRuns: 25 },
    );
  });
});
