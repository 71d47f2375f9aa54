import { describe, expect, it } from 'vitest';
import { importLines } from '../../src/import/importer.js';
import { aedt, fixtureLines } from './support.js';

const at = (iso: string): number => Date.parse(iso);

describe('Postfix maillog', () => {
  const { messages, summary } = importLines(fixtureLines('postfix-classic.log'), { format: 'postfix', year: 2008, offsetMinutes: aedt });
  const byId = new Map(messages.map((message) => [message.id, message]));

  it('groups lines by queue id into messages with submission time, sender, recipients and size', () => {
    expect(byId.get('4B1F2C0A3F')).toEqual({
      id: '4B1F2C0A3F', atEpochMs: at('2008-02-07T08:45:01+11:00'), from: 'reception@example.com.au', to: ['alex@harbour.com.au', 'sam@westfield.net'], sizeBytes: 20456, observed: 'delivered',
    });
  });

  it('reads the outcome: a deferral then a delivery is delivered; bounced, expired, still queued at the end', () => {
    expect(byId.get('9C3D1E2F40')!.observed).toBe('bounced');
    expect(byId.get('5D5D5D5D5D')!.observed).toBe('bounced');
    expect(byId.get('1F2E3D4C5B')!.observed).toBe('deferred');
    expect(summary.observed).toEqual({ delivered: 2, deferred: 1, bounced: 2, unknown: 0 });
  });

  it('keeps a bounce notification with its null sender', () => {
    expect(byId.get('7E8F9A0B1C')).toMatchObject({ from: '', to: ['accounts@example.com.au'], sizeBytes: 7200, observed: 'delivered' });
  });

  it('skips lines that are not mail events, counts malformed ones with their line numbers, leaves out messages begun before the log', () => {
    expect(summary).toMatchObject({ lines: 32, skipped: 4, malformed: 3, messages: 5, recipients: 6, domains: 6, incomplete: 2 });
    expect(summary.malformedLines.map((bad) => bad.line)).toEqual([26, 27, 28]);
    expect(summary.malformedLines[2]!.reason).toBe('invalid timestamp');
    expect(byId.has('0A0B0C0D0E')).toBe(false);
    expect(summary.firstAtEpochMs).toBe(at('2008-02-07T08:45:01+11:00'));
    expect(summary.lastAtEpochMs).toBe(at('2008-02-07T08:53:00+11:00'));
  });

  it('reads ISO 8601 stamps (and multi-instance names such as postfix-out/smtp) to the same messages', () => {
    const iso = importLines(fixtureLines('postfix-iso.log'), { format: 'postfix', offsetMinutes: 0 });
    const seconds = (list: typeof messages) => list.map((message) => ({ ...message, atEpochMs: Math.floor(message.atEpochMs / 1000) }));
    expect(seconds(iso.messages)).toEqual(seconds(messages));
    expect(iso.messages.find((message) => message.id === '4B1F2C0A3F')!.atEpochMs).toBe(at('2008-02-07T08:45:01.002+11:00'));
    expect(iso.summary.malformed).toBe(3);
  });

  it('moves classic stamps into the next year when December wraps to January', () => {
    const lines = [
      'Dec 31 23:59:58 gw postfix/qmgr[1]: ABCDEF0123: from=<a@example.com>, size=10, nrcpt=1 (queue active)',
      'Jan  1 00:00:02 gw postfix/smtp[2]: ABCDEF0123: to=<b@example.net>, relay=mx.example.net[192.0.2.1]:25, delay=4, dsn=2.0.0, status=sent (250 ok)',
      'Jan  1 00:00:02 gw postfix/qmgr[1]: ABCDEF0123: removed',
      'Jan  1 00:00:03 gw postfix/qmgr[1]: 123456789A: from=<a@example.com>, size=10, nrcpt=1 (queue active)',
      'Jan  1 00:00:04 gw postfix/smtp[2]: 123456789A: to=<c@example.net>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect timed out)',
    ];
    const result = importLines(lines, { format: 'postfix', year: 2023, offsetMinutes: 0 });
    expect(result.messages.map((message) => message.atEpochMs)).toEqual([at('2023-12-31T23:59:58Z'), at('2024-01-01T00:00:03Z')]);
  });

  it('reads long queue ids and ignores address verification probes and local names', () => {
    const lines = [
      '2024-05-01T10:00:00+00:00 mx postfix/qmgr[1]: 4VdKq21Xyzz3Tp: from=<a@example.com>, size=10, nrcpt=3 (queue active)',
      '2024-05-01T10:00:01+00:00 mx postfix/smtp[2]: 4VdKq21Xyzz3Tp: to=<b@example.net>, orig_to=<alias@example.com>, relay=mx[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)',
      '2024-05-01T10:00:01+00:00 mx postfix/smtp[2]: 4VdKq21Xyzz3Tp: to=<probe@example.org>, relay=mx[192.0.2.2]:25, delay=1, dsn=2.1.5, status=deliverable (250 ok)',
      '2024-05-01T10:00:01+00:00 mx postfix/local[3]: 4VdKq21Xyzz3Tp: to=<root>, relay=local, delay=1, dsn=2.0.0, status=sent (delivered to mailbox)',
      '2024-05-01T10:00:02+00:00 mx postfix/qmgr[1]: 4VdKq21Xyzz3Tp: removed',
    ];
    expect(importLines(lines, { format: 'postfix' }).messages).toEqual([
      { id: '4VdKq21Xyzz3Tp', atEpochMs: at('2024-05-01T10:00:00Z'), from: 'a@example.com', to: ['b@example.net'], sizeBytes: 10, observed: 'delivered' },
    ]);
  });
});
