import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { MxRecord, ZoneEntry } from '../../../src/model/dns-zone.js';
import { DnsZone } from '../../../src/model/dns-zone.js';
import type { SpfResult } from '../../../src/model/spf/index.js';
import { checkMailFrom } from '../../../src/model/spf/index.js';

/** The openspf RFC 7208 suite, release 2014.04. `../shared` beside the repository is the contract. */
const suiteUrl = new URL('../../../../shared/conformance/spf/rfc7208-tests.yml', import.meta.url);

/** One record line of the suite's `zonedata`: `{ TYPE: value }` or the bare word `TIMEOUT`. */
type SuiteRecord = string | Readonly<Record<string, unknown>>;

interface EntryBuilder {
  A: string[];
  AAAA: string[];
  MX: MxRecord[];
  PTR: string[];
  TXT: string[];
  SPF: string[];
  CNAME?: string;
  /** A TXT line was written, even `TXT: NONE`: SPF-type records are then not copied to TXT. */
  hasTxtLine: boolean;
  /** TIMEOUT came before any record of the name's own types. */
  timesOut: boolean;
}

/** TXT and SPF values are a string or a list of character-strings, joined without separator (RFC 7208 §3.3). */
function textOf(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('') : String(value);
}

function addRecord(entry: EntryBuilder, type: string, value: unknown): void {
  if (type === 'TXT') entry.hasTxtLine = true;
  if (value === 'NONE') return;
  switch (type) {
    case 'A':
    case 'AAAA':
    case 'PTR':
      entry[type].push(String(value));
      return;
    case 'TXT':
    case 'SPF':
      entry[type].push(textOf(value));
      return;
    case 'MX': {
      const [preference, exchange] = value as [number, string];
      entry.MX.push({ preference: Number(preference), exchange: String(exchange) });
      return;
    }
    case 'CNAME':
      entry.CNAME = String(value);
      return;
    default:
      throw new Error(`unknown record type ${type} in the suite`);
  }
}

/**
 * Builds one name's entry, the way the suite's reference driver (pyspf's testspf.py) reads it:
 * - SPF-type records are copied to TXT only when the name has no TXT line at all (the suite header:
 *   "auto-magic duplication of SPF to TXT records"); `TXT: NONE` is such a line, with no record.
 *   Since RFC 7208 never queries type SPF, that is what makes the "Record lookup" and "Selecting
 *   records" cases come out as listed (`spfonly` → none, `spfoverride` → fail, `multispf2` → pass).
 * - TIMEOUT makes a query time out unless records of the queried type were listed before it. The
 *   zone only knows whole-name timeouts, so a TIMEOUT after real records (only `spftimeout`, where it
 *   stands for the SPF-type query we never make) is dropped; every other TIMEOUT times out the name.
 */
function buildEntry(records: readonly SuiteRecord[]): ZoneEntry {
  const entry: EntryBuilder = { A: [], AAAA: [], MX: [], PTR: [], TXT: [], SPF: [], hasTxtLine: false, timesOut: false };
  let recordsSeen = false;
  for (const record of records) {
    if (record === 'TIMEOUT') {
      entry.timesOut = entry.timesOut || !recordsSeen;
      continue;
    }
    for (const [type, value] of Object.entries(record as Record<string, unknown>)) {
      addRecord(entry, type, value);
      if (type !== 'SPF' && value !== 'NONE') recordsSeen = true;
    }
  }
  return {
    A: entry.A,
    AAAA: entry.AAAA,
    MX: entry.MX,
    PTR: entry.PTR,
    TXT: entry.hasTxtLine ? entry.TXT : entry.SPF,
    ...(entry.CNAME === undefined ? {} : { CNAME: entry.CNAME }),
    timeout: entry.timesOut,
  };
}

/** The zone of one suite document. */
function zoneFromSuite(zonedata: Readonly<Record<string, readonly SuiteRecord[]>>): DnsZone {
  return new DnsZone(Object.entries(zonedata).map(([name, records]) => [name, buildEntry(records)] as const));
}

interface SuiteCase {
  readonly description?: string | null;
  readonly spec?: string;
  readonly helo: string;
  readonly host: string;
  readonly mailfrom: string;
  readonly result: SpfResult | readonly SpfResult[];
  readonly explanation?: string;
}

interface SuiteDocument {
  readonly description: string;
  readonly tests: Readonly<Record<string, SuiteCase>>;
  readonly zonedata: Parameters<typeof zoneFromSuite>[0];
}

/**
 * The suite writes the IPv6 nibbles of `%{ir}` upper-case (as RFC 4408's example did); RFC 7208 §7.4's
 * example, and this implementation, write them lower-case. DNS names ignore case, so only this
 * explanation text differs; it is compared ignoring case.
 */
const caseInsensitiveExplanations = new Set(['v-macro-ip6']);

const documents = parseAllDocuments(readFileSync(suiteUrl, 'utf8'))
  .map((document) => document.toJS() as SuiteDocument | null)
  .filter((document): document is SuiteDocument => document !== null && document.tests !== undefined);

// Guards against a silently truncated or mis-split file: release 2014.04 has 16 sections, 203 cases.
it('reads the whole suite', () => {
  const cases = documents.reduce((sum, document) => sum + Object.keys(document.tests).length, 0);
  expect(documents.length).toBe(16);
  expect(cases).toBe(203);
});

for (const document of documents) {
  describe(document.description, () => {
    const zone = zoneFromSuite(document.zonedata);
    for (const [name, test] of Object.entries(document.tests)) {
      it(name, () => {
        const outcome = checkMailFrom(zone, { ip: test.host, mailFrom: test.mailfrom, helo: test.helo });
        const accepted: readonly SpfResult[] = Array.isArray(test.result) ? test.result : [test.result];
        expect(accepted).toContain(outcome.result);
        if (test.explanation === undefined) return;
        // "DEFAULT" is the checker's own default text; this implementation gives none.
        if (test.explanation === 'DEFAULT') expect(outcome.explanation).toBeUndefined();
        else if (caseInsensitiveExplanations.has(name)) {
          expect(outcome.explanation?.toLowerCase()).toBe(test.explanation.toLowerCase());
        }
        else expect(outcome.explanation).toBe(test.explanation);
      });
    }
  });
}
