// npm run bench (after the replay): writes a generated 5,000,000-line Postfix maillog to a temporary
// file, then imports it the way `egress-sim import postfix` does, chunk by chunk, in a fresh process so
// the peak memory is the importer's own. Prints lines/s and peak RSS; no assertions.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const lineCount = Number(process.env.BENCH_IMPORT_LINES ?? 5_000_000);
const fmt = (n) => Math.round(n).toLocaleString('en-US');

if (process.argv[2] === '--import') {
  const { readLogSync } = await import('../dist/cli/read-log.js');
  const start = process.hrtime.bigint();
  const result = readLogSync(process.argv[3], { format: 'postfix', year: 2024, offsetMinutes: 0 }, () => {});
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!result.ok) throw new Error(result.error);
  const s = result.summary;
  console.log(`import lines        ${fmt(s.lines)} in ${seconds.toFixed(2)} s (${fmt(s.lines / seconds)} lines/s)`);
  console.log(`import messages     ${fmt(s.messages)} (delivered ${fmt(s.observed.delivered)}, deferred ${fmt(s.observed.deferred)}, bounced ${fmt(s.observed.bounced)}); ${fmt(s.malformed)} malformed; at most ${fmt(s.peakOpen)} open`);
  console.log(`import peak RSS     ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
  process.exit(0);
}

/**
 * A busy gateway's day: each message takes five lines (smtpd, cleanup, qmgr, smtp, removed), one in
 * ten is deferred once first, one in fifty bounces; about 30 are in the queue at any time.
 */
function writeMaillog(path, lines) {
  const fd = openSync(path, 'w');
  const overlap = 30;
  let chunk = [];
  let written = 0;
  const put = (line) => {
    if (written >= lines) return;
    chunk.push(line);
    written++;
    if (chunk.length >= 20_000) flush();
  };
  const flush = () => {
    if (chunk.length === 0) return;
    writeSync(fd, `${chunk.join('\n')}\n`);
    chunk = [];
  };
  const id = (i) => (0x10000000 + i).toString(16).toUpperCase();
  const stamp = (i) => {
    const s = Math.floor(i / 12);
    return `Mar  ${1 + (Math.floor(s / 86_400) % 9)} ${String(Math.floor(s / 3600) % 24).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  };
  for (let i = 0; written < lines; i++) {
    const q = id(i);
    put(`${stamp(i)} gw postfix/smtpd[2${i % 1000}]: ${q}: client=exchange.example.local[192.168.1.5]`);
    put(`${stamp(i)} gw postfix/cleanup[3${i % 100}]: ${q}: message-id=<${i}.${q}@exchange.example.local>`);
    put(`${stamp(i)} gw postfix/qmgr[1999]: ${q}: from=<user${i % 400}@example.com.au>, size=${2000 + ((i * 7919) % 200_000)}, nrcpt=1 (queue active)`);
    if (i % 10 === 3) put(`${stamp(i)} gw postfix/smtp[4${i % 500}]: ${q}: to=<rcpt${i % 5000}@domain${i % 3000}.example.net>, relay=mx.domain${i % 3000}.example.net[198.18.${i % 250}.${i % 200}]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=4.7.1, status=deferred (host said: 450 4.7.1 Client host rejected: cannot find your hostname)`);
    const done = i - overlap;
    if (done >= 0) {
      const d = id(done);
      const status = done % 50 === 7 ? 'dsn=5.7.1, status=bounced (host said: 550 5.7.1 rejected)' : 'dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4XyZ)';
      put(`${stamp(i)} gw postfix/smtp[4${done % 500}]: ${d}: to=<rcpt${done % 5000}@domain${done % 3000}.example.net>, relay=mx.domain${done % 3000}.example.net[198.18.${done % 250}.${done % 200}]:25, delay=2.1, delays=0.1/0/0.9/1.1, ${status}`);
      put(`${stamp(i)} gw postfix/qmgr[1999]: ${d}: removed`);
    }
  }
  flush();
  closeSync(fd);
}

const dir = mkdtempSync(join(tmpdir(), 'egress-sim-bench-'));
const log = join(dir, 'maillog');
try {
  let start = process.hrtime.bigint();
  writeMaillog(log, lineCount);
  const writeSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`maillog written     ${fmt(lineCount)} lines, ${fmt(statSync(log).size / 1e6)} MB in ${writeSeconds.toFixed(2)} s`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--import', log], { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(log);
}
