import type { ObservedOutcome } from '../model/traffic.js';
import { isAddress, normaliseAddress, splitAddresses, splitCsvLine } from './csv-line.js';
import { parseIsoStamp } from './timestamp.js';
import type { LineVerdict, LogParser, MessageSink, ParserOptions } from './types.js';

type Column = 'time' | 'sender' | 'recipients' | 'size' | 'status';

/** Header names accepted for each column, lower case. */
const aliases: Record<string, Column> = {
  time: 'time', date: 'time', timestamp: 'time', 'date-time': 'time',
  sender: 'sender', from: 'sender',
  recipients: 'recipients', recipient: 'recipients', to: 'recipients',
  size: 'size', bytes: 'size', 'size-bytes': 'size',
  status: 'status', outcome: 'status', observed: 'status',
};

const outcomes: Record<string, ObservedOutcome> = { delivered: 'delivered', sent: 'delivered', deferred: 'deferred', bounced: 'bounced', failed: 'bounced', '': 'unknown', unknown: 'unknown' };

/**
 * A plain CSV, one message a line: `time,sender,recipients,size[,status]` (recipients separated by
 * `;`), with or without a header naming the columns in any order. Times are ISO 8601 or Unix
 * seconds; `#` lines are comments. Every line is a whole message, so nothing is ever held open.
 */
export class PlainCsvParser implements LogParser {
  private order: readonly Column[] = ['time', 'sender', 'recipients', 'size', 'status'];
  private line = 0;
  readonly openCount = 0;
  readonly incomplete = 0;

  constructor(private readonly options: ParserOptions) {}

  feed(text: string, emit: MessageSink): LineVerdict {
    this.line++;
    if (text.trim() === '' || text.startsWith('#')) return 'skipped';
    const fields = splitCsvLine(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.map((field) => field.trim());
    if (fields === undefined) return { malformed: 'unterminated quoted field' };
    const columns = fields.map((field) => aliases[field.toLowerCase()]);
    if (columns.every((column) => column !== undefined)) return this.header(columns as Column[]);
    const value = (column: Column): string => fields[this.order.indexOf(column)] ?? '';
    if (fields.length < 4 || fields.length > this.order.length) return { malformed: `${fields.length} fields; expected time, sender, recipients, size and optionally status` };
    const atMs = /^\d{9,11}(\.\d+)?$/.test(value('time')) ? Math.round(Number(value('time')) * 1000) : parseIsoStamp(value('time'), this.options.offsetMinutes);
    if (atMs === undefined) return { malformed: `invalid time "${value('time')}" (ISO 8601 or Unix seconds)` };
    const sender = value('sender').replace(/^<(.*)>$/, '$1');
    if (sender !== '' && !isAddress(sender)) return { malformed: `invalid sender "${sender}"` };
    const to = splitAddresses(value('recipients'));
    const bad = to.find((address) => !isAddress(address));
    if (to.length === 0 || bad !== undefined) return { malformed: bad === undefined ? 'no recipients' : `invalid recipient "${bad}"` };
    if (!/^\d+$/.test(value('size'))) return { malformed: `invalid size "${value('size')}" (whole bytes)` };
    const observed = outcomes[value('status').toLowerCase()];
    if (observed === undefined) return { malformed: `invalid status "${value('status')}" (delivered, deferred or bounced)` };
    emit({ id: `line${this.line}`, atEpochMs: atMs, from: normaliseAddress(sender), to: [...new Set(to.map(normaliseAddress))], sizeBytes: Number(value('size')), observed });
    return 'event';
  }

  finish(): void {}

  private header(columns: readonly Column[]): LineVerdict {
    const missing = (['time', 'sender', 'recipients', 'size'] as const).filter((name) => !columns.includes(name));
    if (missing.length > 0) return { malformed: `header lacks ${missing.join(', ')}` };
    this.order = columns;
    return 'skipped';
  }
}
