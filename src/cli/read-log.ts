import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createInterface } from 'node:readline';
import { LogImport, type ImportOptions, type ImportSummary } from '../import/importer.js';
import type { MessageSink } from '../import/types.js';

/** A streamed import's end: the summary, or why the log could not be read. */
export type LogReadResult = { readonly ok: true; readonly summary: ImportSummary } | { readonly ok: false; readonly error: string };

/**
 * Streams a log file (`-` for stdin) line by line through an importer: memory holds one line and
 * the messages still open, whatever the file's size. Line breaks may be LF or CRLF.
 */
export async function readLog(path: string, options: ImportOptions, onMessage: MessageSink): Promise<LogReadResult> {
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const run = new LogImport(options, onMessage);
  try {
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) run.feed(line);
  } catch (error) {
    return { ok: false, error: describeReadError(error) };
  }
  return { ok: true, summary: run.finish() };
}

/**
 * The same, synchronously, in 1 MiB chunks (memory bounded just the same): scenario loading is
 * synchronous, and every command that reads a scenario gets its imported traffic this way.
 */
export function readLogSync(path: string, options: ImportOptions, onMessage: MessageSink): LogReadResult {
  const run = new LogImport(options, onMessage);
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let fd: number | undefined;
  let pending = '';
  try {
    fd = openSync(path, 'r');
    for (;;) {
      const bytes = readSync(fd, buffer, 0, buffer.length, null);
      if (bytes === 0) break;
      pending = feedLines(run, pending + decoder.write(buffer.subarray(0, bytes)));
    }
  } catch (error) {
    return { ok: false, error: describeReadError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  pending += decoder.end();
  if (pending !== '') run.feed(pending.endsWith('\r') ? pending.slice(0, -1) : pending);
  return { ok: true, summary: run.finish() };
}

/** Feeds each complete line of `text` and returns the unfinished rest. */
function feedLines(run: LogImport, text: string): string {
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    run.feed(text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end));
    start = end + 1;
  }
  return text.slice(start);
}

/** A file error in words, with what to do. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file; check the path';
  if (code === 'EISDIR') return 'it is a directory; give the log file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
