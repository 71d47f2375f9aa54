import { describe, expect, it } from 'vitest';
import { LogImport } from '../../src/import/importer.js';

/**
 * A generated maillog of `count` messages, at most `overlap` of them in the queue at once: message
 * i is queued, and message i - overlap + 1 finishes, in the same breath (as a busy server logs).
 */
function* maillog(count: number, overlap: number, withRemoved = true): Generator<string> {
  const id = (i: number): string => (0x100000 + i).toString(16).toUpperCase();
  const stamp = (i: number): string => `Mar  1 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  for (let i = 0; i < count + overlap; i++) {
    if (i < count) {
      yield `${stamp(i)} gw postfix/smtpd[7]: ${id(i)}: client=inside[192.168.1.5]`;
      yield `${stamp(i)} gw postfix/qmgr[1]: ${id(i)}: from=<a@example.com>, size=2000, nrcpt=1 (queue active)`;
      yield `${stamp(i)} gw postfix/smtp[2]: ${id(i)}: to=<b${i % 50}@example.net>, relay=mx[192.0.2.1]:25, delay=1, dsn=4.0.0, status=deferred (try later)`;
    }
    const done = i - overlap + 1;
    if (done >= 0 && done < count) {
      yield `${stamp(i)} gw postfix/smtp[2]: ${id(done)}: to=<b${done % 50}@example.net>, relay=mx[192.0.2.1]:25, delay=9, dsn=2.0.0, status=sent (250 ok)`;
      if (withRemoved) yield `${stamp(i)} gw postfix/qmgr[1]: ${id(done)}: removed`;
    }
  }
}

describe('streaming import', () => {
  it('never holds more than the messages still in the queue', () => {
    let messages = 0;
    let peak = 0;
    const run = new LogImport({ format: 'postfix', year: 2024 }, () => messages++);
    for (const line of maillog(20_000, 40)) {
      run.feed(line);
      peak = Math.max(peak, run.openCount);
    }
    const summary = run.finish();
    expect(peak).toBeLessThanOrEqual(40);
    expect(summary.peakOpen).toBe(peak);
    expect(messages).toBe(20_000);
    expect(summary.observed.delivered).toBe(20_000);
  });

  it('stays within maxOpen even when the log never says a message is done', () => {
    let messages = 0;
    const run = new LogImport({ format: 'postfix', year: 2024, maxOpen: 100 }, () => messages++);
    for (const line of maillog(5_000, 40, false)) {
      run.feed(line);
      expect(run.openCount).toBeLessThanOrEqual(100);
    }
    run.finish();
    expect(messages).toBe(5_000);
  });
});
