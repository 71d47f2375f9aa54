import { isAddress, normaliseAddress, splitAddresses, splitCsvLine } from './csv-line.js';
import { OpenMessages, type OpenMessage, type RecipientState } from './open-message.js';
import { parseIsoStamp } from './timestamp.js';
import type { LineVerdict, LogParser, MessageSink, ParserOptions } from './types.js';

/** The columns this importer reads; a `#Fields:` header must name them. */
const needed = ['date-time', 'event-id', 'recipient-address', 'sender-address', 'total-bytes'] as const;

/** Recipient fate by event: SEND (to another server), DELIVER (to a mailbox), DEFER, FAIL, DROP. */
const stateOfEvent: Record<string, RecipientState | undefined> = { SEND: 'sent', DELIVER: 'sent', DEFER: 'deferred', FAIL: 'bounced', DROP: 'bounced' };

interface Columns {
  readonly count: number;
  readonly index: Readonly<Record<(typeof needed)[number] | 'internal-message-id' | 'message-id', number>>;
}

/**
 * Exchange message tracking logs (2007 to Online): CSV under a `#Fields:` header, one line per
 * event, grouped by internal message id (the Message-ID header where that column is absent). A
 * message starts at RECEIVE, and ends once every recipient has been sent, delivered or failed.
 */
export class ExchangeParser implements LogParser {
  private readonly open: OpenMessages;
  private columns: Columns | undefined;

  constructor(private readonly options: ParserOptions) {
    this.open = new OpenMessages(options.maxOpen);
  }

  get openCount(): number {
    return this.open.size;
  }

  get incomplete(): number {
    return this.open.incomplete;
  }

  feed(line: string, emit: MessageSink): LineVerdict {
    const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    if (text.trim() === '') return 'skipped';
    if (text.startsWith('#')) return this.header(text);
    if (this.columns === undefined) return { malformed: 'an event before any "#Fields:" header' };
    const fields = splitCsvLine(text);
    if (fields === undefined) return { malformed: 'unterminated quoted field' };
    if (fields.length !== this.columns.count) return { malformed: `${fields.length} fields where the #Fields header names ${this.columns.count}` };
    const column = (name: keyof Columns['index']): string => (this.columns!.index[name] < 0 ? '' : fields[this.columns!.index[name]]!);
    const atMs = parseIsoStamp(column('date-time'), this.options.offsetMinutes);
    if (atMs === undefined) return { malformed: `invalid date-time "${column('date-time')}"` };
    const id = column('internal-message-id') || column('message-id');
    if (id === '') return { malformed: 'no internal-message-id or message-id' };
    return this.event(id, column('event-id'), atMs, column, emit);
  }

  finish(emit: MessageSink): void {
    this.open.closeAll(emit);
  }

  private header(text: string): LineVerdict {
    if (!text.startsWith('#Fields:')) return 'skipped';
    const names = text.slice('#Fields:'.length).trim().split(',').map((name) => name.trim().toLowerCase());
    const missing = needed.filter((name) => !names.includes(name));
    if (missing.length > 0) return { malformed: `#Fields header lacks ${missing.join(', ')}` };
    const index = Object.fromEntries([...needed, 'internal-message-id', 'message-id'].map((name) => [name, names.indexOf(name)])) as Columns['index'];
    this.columns = { count: names.length, index };
    return 'skipped';
  }

  private event(id: string, eventId: string, atMs: number, column: (name: keyof Columns['index']) => string, emit: MessageSink): LineVerdict {
    const recipients = splitAddresses(column('recipient-address')).filter(isAddress).map(normaliseAddress);
    if (eventId === 'RECEIVE') {
      const message = this.open.get(id) ?? this.open.create(id, atMs, emit);
      const sender = column('sender-address');
      const size = Number(column('total-bytes'));
      if (!Number.isFinite(size) || size < 0) return { malformed: `invalid total-bytes "${column('total-bytes')}"` };
      if (!message.started || atMs < message.atEpochMs) message.atEpochMs = atMs;
      message.started = true;
      message.from = sender === '<>' ? '' : normaliseAddress(sender);
      message.sizeBytes = Math.max(message.sizeBytes, size);
      for (const address of recipients) message.addRecipient(address);
      return 'event';
    }
    const state = stateOfEvent[eventId];
    if (state === undefined) return /^[A-Z]+$/.test(eventId) ? 'event' : { malformed: `unknown event-id "${eventId}"` };
    const message = this.existing(id, atMs, emit);
    if (message === undefined) return 'event';
    for (const address of recipients) message.setState(address, state);
    if (message.started && message.settled) this.open.close(id, emit);
    return 'event';
  }

  /** The open message, or a partial one for a message received before the log begins. */
  private existing(id: string, atMs: number, emit: MessageSink): OpenMessage | undefined {
    const message = this.open.get(id);
    if (message !== undefined) return message;
    if (this.open.recentlyClosed(id)) return undefined;
    return this.open.create(id, atMs, emit);
  }
}
