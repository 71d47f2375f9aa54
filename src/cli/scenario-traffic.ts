import { dirname, resolve } from 'node:path';
import type { ImportedMessage } from '../import/types.js';
import { formatImportSummary, formatMalformed } from '../import/summary.js';
import { placeMessages, type PlacedTraffic } from '../import/to-traffic.js';
import type { ImportSummary } from '../import/importer.js';
import type { Scenario } from '../scenario/schema/index.js';
import { attachImportedTraffic } from '../run/imported-traffic.js';
import { WallClock } from '../run/wall-clock.js';
import type { CliIo } from './io.js';
import { readLogSync } from './read-log.js';

const summaries = new WeakMap<object, { summary: ImportSummary; placed: number; offsetMinutes: number }>();

/** What the import of a loaded scenario's log found, as lines for `check`; empty without an import. */
export function importReport(scenario: Scenario): string {
  const spec = scenario.traffic.import;
  const found = spec === undefined ? undefined : summaries.get(spec);
  if (spec === undefined || found === undefined) return '';
  return `${formatImportSummary(found.summary, spec.file, found.offsetMinutes)}  in the window ${found.placed} messages\n`;
}

/** A scenario's imported traffic: none, the messages placed on its clock, or a failure already reported. */
export type ScenarioTraffic =
  | { readonly ok: true; readonly imported?: PlacedTraffic['messages']; readonly summary?: ImportSummary; readonly log?: string }
  | { readonly ok: false };

/**
 * Reads the log a scenario's `traffic.import` names (relative to the scenario file), streaming it,
 * places its messages on the scenario's clock and attaches them to the import (see
 * attachImportedTraffic), so every command's sessions replay them. Malformed lines and messages outside the window
 * are reported on stderr; an unreadable log, or a malformed line under `strict`, fails (exit 2).
 */
export function readScenarioTraffic(file: string, scenario: Scenario, io: CliIo): ScenarioTraffic {
  const spec = scenario.traffic.import;
  if (spec === undefined) return { ok: true };
  const clock = new WallClock(scenario.start);
  const log = resolve(dirname(file), spec.file);
  const year = spec.year ?? Number(clock.iso(0).slice(0, 4));
  const messages: ImportedMessage[] = [];
  const result = readLogSync(log, { format: spec.format, year, offsetMinutes: clock.offsetMinutes }, (message) => messages.push(message));
  if (!result.ok) {
    io.stderr(`${file}: error: traffic.import.file: cannot read ${spec.file}: ${result.error}\n`);
    return { ok: false };
  }
  io.stderr(formatMalformed(result.summary, spec.file));
  if (spec.strict && result.summary.malformed > 0) {
    io.stderr(`${file}: error: traffic.import: ${spec.file} has ${result.summary.malformed} malformed line(s) and strict is set; fix them or drop strict\n`);
    return { ok: false };
  }
  const placed = placeMessages(messages, clock.startEpochMs, scenario.duration);
  if (placed.outside > 0) {
    io.stderr(`${file}: note: ${placed.outside} of ${messages.length} messages in ${spec.file} fall outside ${clock.iso(0)} to ${clock.iso(scenario.duration)} and are left out\n`);
  }
  attachImportedTraffic(spec, placed.messages);
  summaries.set(spec, { summary: result.summary, placed: placed.messages.length, offsetMinutes: clock.offsetMinutes });
  return { ok: true, imported: placed.messages, summary: result.summary, log: spec.file };
}
