import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, tempFile } from '../cli/spawn.js';

const example = 'scenarios/import/replay-maillog.yaml';
const fixture = (name: string): string => join('test/import/fixtures', name);

describe('egress-sim import', () => {
  it('prints what the log holds and quotes malformed lines by number on stderr', () => {
    const result = cli(['import', 'postfix', fixture('postfix-classic.log'), '--year', '2008', '--utc-offset', '+11:00']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('32 lines: 25 mail events, 4 skipped, 3 malformed');
    expect(result.stdout).toContain('messages    5 (and 2 incomplete');
    expect(result.stdout).toContain('observed    2 delivered, 1 deferred (still queued at the end of the log), 2 bounced');
    expect(result.stderr).toContain(`${fixture('postfix-classic.log')}:27: malformed: not a syslog line`);
  });

  it('with --strict, refuses a log with malformed lines: exit 2, nothing written', () => {
    const out = join(dirname(tempFile('x', '')), 'traffic.yaml');
    const result = cli(['import', 'postfix', fixture('postfix-classic.log'), '--strict', '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('3 malformed line(s) with --strict; nothing written');
    expect(existsSync(out)).toBe(false);
  });

  it('writes anonymised traffic with -o, the same pseudonyms under the same key', () => {
    const dir = dirname(tempFile('x', ''));
    const write = (name: string): string => {
      const out = join(dir, name);
      const result = cli(['import', 'exchange', fixture('exchange-2019.log'), '-o', out, '--anonymise', 'hide-domains', '--anonymise-key', 'trainer']);
      expect(result.code).toBe(0);
      return readFileSync(out, 'utf8');
    };
    const text = write('a.yaml');
    expect(text).toBe(write('b.yaml'));
    expect(text).not.toContain('harbour.com.au');
    const messages = parse(text).traffic.messages as { to: string[] }[];
    expect(messages).toHaveLength(3);
    for (const to of messages.flatMap((m) => m.to)) expect(to).toMatch(/^u[0-9a-f]{12}@d[0-9a-f]{10}\.invalid$/);
  });

  it('rejects bad arguments and unreadable logs with exit 2', () => {
    expect(cli(['import', 'sendmail', 'x.log']).stderr).toContain('import format must be postfix, exchange, csv');
    expect(cli(['import', 'postfix']).code).toBe(2);
    expect(cli(['run', example, '--strict']).stderr).toContain('--strict is for import only');
    const missing = cli(['import', 'postfix', 'no/such.log']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('no/such.log: error: cannot read the log: no such file; check the path\n');
  });
});

describe('a scenario importing a log', () => {
  it('runs the log’s messages and sets what the log says beside what the model did', () => {
    const result = cli(['run', example]);
    expect(result.stdout).toContain('30 messages:');
    expect(result.stdout).toMatch(/Compared with the log\n\s+IN THE LOG\s+MESSAGES\s+SIM DELIVERED\s+SIM BOUNCED\s+SIM PENDING\n\s+delivered\s+29/);
    expect(result.stdout).toContain('the model ends');
    const json = JSON.parse(cli(['run', example, '--format', 'json']).stdout);
    expect(json.observed.rows.map((row: { observed: string }) => row.observed)).toEqual(['delivered', 'bounced']);
    expect(json.messages[0].observed).toBe('delivered');
    expect(cli(['run', example, '--format', 'json']).stdout).toBe(cli(['run', example, '--format', 'json']).stdout);
  });

  it('check reads the log and says what it found', () => {
    const result = cli(['check', example]);
    expect(result.code).not.toBe(2);
    expect(result.stdout).toContain('maillog: 163 lines: 162 mail events, 1 skipped, 0 malformed');
  });

  it('names the scenario and the key when the log is missing; strict refuses malformed lines', () => {
    const text = readFileSync(example, 'utf8');
    const missing = tempFile('missing.yaml', text.replace('file: maillog', 'file: nowhere.log'));
    const result = cli(['run', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${missing}: error: traffic.import.file: cannot read nowhere.log: no such file; check the path\n`);
    const strict = tempFile('strict.yaml', text.replace('file: maillog, format: postfix', `file: ${join(process.cwd(), fixture('postfix-classic.log'))}, format: postfix, strict: true`));
    const refused = cli(['run', strict]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('malformed line(s) and strict is set');
  });
});
