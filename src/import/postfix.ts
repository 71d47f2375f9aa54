import { normaliseAddress } from './csv-line.js';
import { OpenMessages, type RecipientState } from './open-message.js';
import { monthIndex, parseClassicStamp, parseIsoStamp } from './timestamp.js';
import type { LineVerdict, LogParser, MessageSink, ParserOptions } from './types.js';

const classicLine = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d:\d\d:\d\d(?:\.\d+)?) \S+ ([^\s[]+?)(?:\[\d+\])?: (.*)$/;
const isoLine = /^(\d{4}-\d\d-\d\dT\S+) \S+ ([^\s[]+?)(?:\[\d+\])?: (.*)$/;
/** Short (hex) and long (enable_long_queue_ids: base 52 without vowels) Postfix queue ids. */
const queueIdLine = /^([0-9A-F]{6,16}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,24}): (.*)$/;
const fromEvent = /^from=<([^>]*)>, size=(\d+), nrcpt=(\d+)/;
const toEvent = /^to=<([^>]*)>,(?: orig_to=<[^>]*>,)?.*? status=([a-z]+)/;

const stateOfStatus: Record<string, RecipientState | undefined> = { sent: 'sent', deferred: 'deferred', bounced: 'bounced', expired: 'bounced' };

/**
 * Postfix maillog: syslog lines with the classic prefix (`Feb  7 09:15:02 host postfix/qmgr[12]:`)
 * or an RFC 3339 one (`2024-02-07T09:15:02.123+11:00 host ...`), grouped by queue id. A message
 * starts at the first line naming its queue id, takes its sender and size from qmgr's `from=`, its
 * recipients and their fate from the delivery agents' `to=` lines, and ends at `removed`.
 */
export class PostfixParser implements LogParser {
  private readonly open: OpenMessages;
  private year: number;
  private lastMonth = -1;
  /** The last stamp read and its time: a busy log repeats each stamp on many lines. */
  private lastStamp = '';
  private lastStampMs: number | undefined;

  constructor(private readonly options: ParserOptions) {
    this.open = new OpenMessages(options.maxOpen);
    this.year = options.year;
  }

  get openCount(): number {
    return this.open.size;
  }

  get incomplete(): number {
    return this.open.incomplete;
  }

  feed(line: string, emit: MessageSink): LineVerdict {
    if (line.trim() === '') return 'skipped';
    let atMs: number | undefined;
    let program: string;
    let body: string;
    const classic = classicLine.exec(line);
    if (classic) {
      program = classic[4]!;
      body = classic[5]!;
      if (!isPostfix(program)) return 'skipped';
      const stamp = classic[1]! + classic[2]! + classic[3]!;
      if (stamp !== this.lastStamp) {
        this.lastStamp = stamp;
        this.lastStampMs = parseClassicStamp(classic[1]!, classic[2]!, classic[3]!, this.yearFor(classic[1]!), this.options.offsetMinutes);
      }
      atMs = this.lastStampMs;
    } else {
      const iso = isoLine.exec(line);
      if (!iso) return { malformed: 'not a syslog line (expected "Mon DD HH:MM:SS host program[pid]: ..." or an ISO 8601 stamp)' };
      program = iso[2]!;
      body = iso[3]!;
      if (!isPostfix(program)) return 'skipped';
      if (iso[1] !== this.lastStamp) {
        this.lastStamp = iso[1]!;
        this.lastStampMs = parseIsoStamp(iso[1]!, this.options.offsetMinutes);
      }
      atMs = this.lastStampMs;
    }
    if (atMs === undefined) return { malformed: 'invalid timestamp' };
    const queued = queueIdLine.exec(body);
    if (!queued) return 'skipped';
    return this.event(queued[1]!, queued[2]!, atMs, emit);
  }

  finish(emit: MessageSink): void {
    this.open.closeAll(emit);
  }

  private event(id: string, text: string, atMs: number, emit: MessageSink): LineVerdict {
    if (text === 'removed') {
      if (this.open.get(id) === undefined) this.open.incomplete++;
      else this.open.close(id, emit);
      return 'event';
    }
    const message = this.open.get(id) ?? this.open.create(id, atMs, emit);
    if (text.startsWith('from=')) {
      if (text.includes(', status=expired')) {
        for (const [address, state] of message.recipients) if (state !== 'sent') message.setState(address, 'bounced');
        return 'event';
      }
      const from = fromEvent.exec(text);
      if (!from) return { malformed: 'qmgr from= line without "from=<...>, size=N, nrcpt=N"' };
      message.from = normaliseAddress(from[1]!);
      message.sizeBytes = Number(from[2]);
      message.started = true;
      return 'event';
    }
    if (text.startsWith('to=')) {
      const to = toEvent.exec(text);
      if (!to) return { malformed: 'delivery line without "to=<...>, ... status=..."' };
      const address = to[1]!;
      const state = stateOfStatus[to[2]!];
      // Address verification probes (deliverable, undeliverable) and local names are not outbound mail.
      if (state === undefined || !address.includes('@')) return 'event';
      message.setState(normaliseAddress(address), state);
    }
    return 'event';
  }

  /** The year of a classic stamp: the configured one, moved on when the months wrap (Dec → Jan). */
  private yearFor(monthName: string): number {
    const month = monthIndex(monthName);
    if (month >= 0) {
      if (this.lastMonth >= 0 && month < this.lastMonth - 1) this.year++;
      this.lastMonth = month;
    }
    return this.year;
  }
}

function isPostfix(program: string): boolean {
  return program.startsWith('postfix') && program.includes('/');
}
