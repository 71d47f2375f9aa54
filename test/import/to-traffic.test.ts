import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importLines } from '../../src/import/importer.js';
import { formatImportSummary, formatMalformed } from '../../src/import/summary.js';
import { placeMessages, trafficYaml } from '../../src/import/to-traffic.js';
import { trafficSchema } from '../../src/scenario/schema/traffic.js';
import { aedt, fixtureLines } from './support.js';

const { messages, summary } = importLines(fixtureLines('postfix-classic.log'), { format: 'postfix', year: 2008, offsetMinutes: aedt });
const start = Date.parse('2008-02-07T08:45:00+11:00');

describe('imported messages on a scenario clock', () => {
  it('places them by real time, in order, leaving out those outside the window', () => {
    const placed = placeMessages(messages, start, 5 * 60_000);
    expect(placed.messages.map((m) => [m.id, m.atMs])).toEqual([['4B1F2C0A3F', 1000], ['9C3D1E2F40', 2000], ['7E8F9A0B1C', 5000]]);
    expect(placed.outside).toBe(2);
    expect(placed.messages[0]!.observed).toBe('delivered');
  });

  it('gives a reused queue id a suffix', () => {
    const twice = [messages[0]!, { ...messages[0]!, atEpochMs: messages[0]!.atEpochMs + 1 }];
    expect(placeMessages(twice, start, 3_600_000).messages.map((m) => m.id)).toEqual(['9C3D1E2F40', '9C3D1E2F40.2']);
  });

  it('writes a traffic block the scenario schema accepts, keeping what the log says happened', () => {
    const text = trafficYaml(messages, summary, 'maillog', aedt);
    expect(text).toContain('#   start: 2008-02-07T08:45:01+11:00');
    const traffic = trafficSchema.parse(parse(text).traffic);
    expect(traffic.messages).toHaveLength(5);
    expect(traffic.messages[0]).toMatchObject({ id: '4B1F2C0A3F', at: 0, from: 'reception@example.com.au', to: ['alex@harbour.com.au', 'sam@westfield.net'], size: 20456, observed: 'delivered' });
    expect(traffic.messages.find((m) => m.id === '7E8F9A0B1C')!.from).toBe('');
  });

  it('summarises what it found and quotes malformed lines by number', () => {
    const text = formatImportSummary(summary, 'maillog', aedt);
    expect(text).toContain('maillog: 32 lines: 25 mail events, 4 skipped, 3 malformed');
    expect(text).toContain('time span   2008-02-07T08:45:01+11:00 to 2008-02-07T08:53:00+11:00 (8m)');
    expect(text).toContain('observed    2 delivered, 1 deferred (still queued at the end of the log), 2 bounced');
    expect(formatMalformed(summary, 'maillog')).toMatch(/^maillog:26: malformed: qmgr from= line/);
    expect(formatMalformed({ ...summary, malformed: 9 }, 'maillog')).toContain('maillog: 6 more malformed lines not shown');
  });
});
