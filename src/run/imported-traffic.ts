import type { MessageSpec } from '../model/traffic.js';

/**
 * Imported messages by the scenario's `traffic.import` object. Reading a log is I/O, done by the
 * caller once, when the scenario is loaded; keying on the import object lets every command that
 * builds worlds from the scenario (or from a copy that keeps its traffic) find the messages.
 */
const registry = new WeakMap<object, readonly MessageSpec[]>();

/**
 * The same by the import's settings, for a scenario re-parsed from edited text (advise tries
 * edits that way): found only when one log read so far had those settings, never a guess.
 */
const bySettings = new Map<string, readonly MessageSpec[] | 'ambiguous'>();

/** Records the messages read from the log a scenario's `traffic.import` names. */
export function attachImportedTraffic(importSpec: object, messages: readonly MessageSpec[]): void {
  registry.set(importSpec, messages);
  const key = JSON.stringify(importSpec);
  const known = bySettings.get(key);
  bySettings.set(key, known === undefined || known === messages ? messages : 'ambiguous');
}

/** The messages recorded for a `traffic.import` object (or one with the same settings), if any. */
export function importedTraffic(importSpec: object): readonly MessageSpec[] | undefined {
  const direct = registry.get(importSpec);
  if (direct !== undefined) return direct;
  const bySetting = bySettings.get(JSON.stringify(importSpec));
  return bySetting === 'ambiguous' ? undefined : bySetting;
}
