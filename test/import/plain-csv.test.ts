import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '../../src/import/csv-line.js';
import { importLines } from '../../src/import/importer.js';
import { aedt, fixtureLines } from './support.js';

describe('plain CSV', () => {
  it('reads a header in any column order, ISO times with or without an offset, Unix seconds, quoted lists, a status', () => {
    const { messages, summary } = importLines(fixtureLines('plain.csv'), { format: 'csv', offsetMinutes: aedt });
    expect(messages).toEqual([
      { id: 'line3', atEpochMs: Date.parse('2008-02-07T08:45:01+11:00'), from: 'reception@example.com.au', to: ['alex@harbour.com.au', 'sam@westfield.net'], sizeBytes: 20456, observed: 'delivered' },
      { id: 'line4', atEpochMs: Date.parse('2008-02-06T21:46:00Z'), from: 'accounts@example.com.au', to: ['info@bayview.org.au'], sizeBytes: 5120, observed: 'bounced' },
      { id: 'line5', atEpochMs: Date.parse('2008-02-07T08:47:00+11:00'), from: 'director@example.com.au', to: ['kim@ashton.com', 'jo@oakley.com'], sizeBytes: 88000, observed: 'unknown' },
      { id: 'line6', atEpochMs: 1202334480000, from: '', to: ['postmaster@harbour.com.au'], sizeBytes: 900, observed: 'deferred' },
    ]);
    expect(summary.malformedLines.map((bad) => [bad.line, bad.reason])).toEqual([
      [7, 'invalid recipient "not-an-address"'],
      [8, 'invalid time "yesterday" (ISO 8601 or Unix seconds)'],
    ]);
  });

  it('reads columns in the default order without a header', () => {
    const { messages } = importLines(['2024-01-01T09:00:00Z,a@example.com,b@example.net,1200'], { format: 'csv' });
    expect(messages[0]).toMatchObject({ from: 'a@example.com', to: ['b@example.net'], sizeBytes: 1200, observed: 'unknown' });
  });

  it('splits RFC 4180 lines', () => {
    expect(splitCsvLine('a,"b, c","d ""e""",')).toEqual(['a', 'b, c', 'd "e"', '']);
    expect(splitCsvLine('"open')).toBeUndefined();
    expect(splitCsvLine('"a"b')).toBeUndefined();
  });
});
