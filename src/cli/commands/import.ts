import { createHmac, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Anonymiser, type AnonymiseMode } from '../../import/anonymise.js';
import type { ImportFormat } from '../../import/importer.js';
import { formatImportSummary, formatMalformed } from '../../import/summary.js';
import { trafficYaml } from '../../import/to-traffic.js';
import type { ImportedMessage } from '../../import/types.js';
import { exitCodes, type CliIo } from '../io.js';
import { describeReadError, readLog, readLogSync } from '../read-log.js';

/** What `egress-sim import` was asked to do. */
export interface ImportRequest {
  readonly format: ImportFormat;
  /** The log; `-` for stdin. */
  readonly file: string;
  /** Where to write the traffic YAML; nothing is written without it. */
  readonly output?: string;
  readonly strict: boolean;
  readonly anonymise?: AnonymiseMode;
  /** The HMAC key for pseudonyms; a fresh random one when absent. */
  readonly anonymiseKey?: string;
  /** Year of classic syslog stamps (default: this year). */
  readonly year?: number;
  /** Minutes east of UTC for stamps without an offset, and for the times shown. */
  readonly offsetMinutes: number;
}

/**
 * `egress-sim import`: streams a mail log, prints what it found (messages, recipients, domains,
 * time span, what the real server did), quotes the first malformed lines, and with `-o` writes the
 * messages as a scenario's traffic. Exit 2 for an unreadable log, or any malformed line under --strict.
 */
export async function importCommand(request: ImportRequest, io: CliIo): Promise<number> {
  const anonymiser = request.anonymise === undefined ? undefined : new Anonymiser(keyedHash(request.anonymiseKey, io), request.anonymise);
  const messages: ImportedMessage[] = [];
  const keep = request.output !== undefined;
  // A file is read synchronously in chunks (faster than readline, as bounded); stdin is streamed.
  const read = request.file === '-' ? readLog : async (...args: Parameters<typeof readLogSync>) => readLogSync(...args);
  const result = await read(
    request.file,
    { format: request.format, year: request.year ?? new Date().getUTCFullYear(), offsetMinutes: request.offsetMinutes, ...(anonymiser ? { anonymiser } : {}) },
    (message) => {
      if (keep) messages.push(message);
    },
  );
  const label = request.file === '-' ? '(stdin)' : request.file;
  if (!result.ok) {
    io.stderr(`${label}: error: cannot read the log: ${result.error}\n`);
    return exitCodes.usage;
  }
  io.stderr(formatMalformed(result.summary, label));
  io.stdout(formatImportSummary(result.summary, label, request.offsetMinutes));
  if (request.strict && result.summary.malformed > 0) {
    io.stderr(`${label}: error: ${result.summary.malformed} malformed line(s) with --strict; nothing written\n`);
    return exitCodes.usage;
  }
  if (request.output === undefined) return exitCodes.ok;
  try {
    writeFileSync(request.output, trafficYaml(messages, result.summary, label, request.offsetMinutes));
  } catch (error) {
    io.stderr(`${request.output}: error: cannot write the traffic: ${describeReadError(error)}\n`);
    return exitCodes.usage;
  }
  io.stdout(`wrote ${messages.length} messages to ${request.output}\n`);
  return exitCodes.ok;
}

/** HMAC-SHA-256 under the given key, or under a fresh random key (with a note that says so). */
function keyedHash(key: string | undefined, io: CliIo): (text: string) => string {
  let secret: string | Buffer | undefined = key;
  if (secret === undefined) {
    secret = randomBytes(32);
    io.stderr('note: pseudonyms use a fresh random key; pass --anonymise-key KEY to get the same pseudonyms next time\n');
  }
  const hmacKey = secret;
  return (text) => createHmac('sha256', hmacKey).update(text).digest('hex');
}
