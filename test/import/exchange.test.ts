import { describe, expect, it } from 'vitest';
import { importLines } from '../../src/import/importer.js';
import { fixtureLines } from './support.js';

describe('Exchange message tracking log', () => {
  it('reads a 2013+ log (BOM, CRLF headers, quoted fields), grouping events by internal message id', () => {
    const { messages, summary } = importLines(fixtureLines('exchange-2019.log'), { format: 'exchange' });
    expect(messages).toEqual([
      { id: '118111234568', atEpochMs: Date.parse('2024-03-05T08:16:00Z'), from: 'accounts@corp.example.com', to: ['info@bayview.org.au'], sizeBytes: 5120, observed: 'bounced' },
      { id: '118111234567', atEpochMs: Date.parse('2024-03-05T08:15:02.123Z'), from: 'reception@corp.example.com', to: ['alex@harbour.com.au', 'sam@westfield.net'], sizeBytes: 20456, observed: 'delivered' },
      { id: '118111234570', atEpochMs: Date.parse('2024-03-05T08:17:00Z'), from: 'director@corp.example.com', to: ['kim@ashton.com'], sizeBytes: 88000, observed: 'deferred' },
    ]);
    expect(summary).toMatchObject({ malformed: 1, incomplete: 1, messages: 3, recipients: 4 });
    expect(summary.malformedLines[0]).toMatchObject({ line: 15, reason: '5 fields where the #Fields header names 30' });
  });

  it('reads a 2007 log with the shorter field list', () => {
    const { messages } = importLines(fixtureLines('exchange-2007.log'), { format: 'exchange' });
    expect(messages).toEqual([
      { id: '4711', atEpochMs: Date.parse('2008-02-06T21:45:01Z'), from: 'reception@example.com.au', to: ['alex@harbour.com.au', 'jo@oakley.com'], sizeBytes: 4096, observed: 'delivered' },
    ]);
  });

  it('counts events before any #Fields header, and a header missing columns, as malformed', () => {
    const { summary } = importLines(['2024-01-01T00:00:00Z,a,b', '#Fields: date-time,event-id'], { format: 'exchange' });
    expect(summary.malformedLines.map((bad) => bad.reason)).toEqual(['an event before any "#Fields:" header', '#Fields header lacks recipient-address, sender-address, total-bytes']);
  });
});
