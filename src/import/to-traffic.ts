import type { MessageSpec } from '../model/traffic.js';
import type { ImportSummary } from './importer.js';
import { isoInOffset } from './timestamp.js';
import type { ImportedMessage } from './types.js';

/** Imported messages placed in a scenario's window. */
export interface PlacedTraffic {
  /** In submission order, ids unique. */
  readonly messages: readonly MessageSpec[];
  /** Messages submitted before the scenario starts, or at or after its window closes, left out. */
  readonly outside: number;
}

/**
 * Places imported messages on a scenario's clock: `atMs` is their real time after `startEpochMs`;
 * those outside [0, durationMs) are left out and counted. A queue id the log reuses gets `.2`,
 * `.3`, … so ids stay unique. Sorted by time, then by id: the same log always gives the same run.
 */
export function placeMessages(imported: readonly ImportedMessage[], startEpochMs: number, durationMs: number): PlacedTraffic {
  const sorted = [...imported].sort((a, b) => a.atEpochMs - b.atEpochMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Map<string, number>();
  const messages: MessageSpec[] = [];
  let outside = 0;
  for (const message of sorted) {
    const atMs = message.atEpochMs - startEpochMs;
    if (atMs < 0 || atMs >= durationMs) {
      outside++;
      continue;
    }
    const uses = (seen.get(message.id) ?? 0) + 1;
    seen.set(message.id, uses);
    messages.push({ id: uses === 1 ? message.id : `${message.id}.${uses}`, atMs, from: message.from, to: message.to, sizeBytes: message.sizeBytes, observed: message.observed });
  }
  return { messages, outside };
}

/**
 * A scenario's `traffic:` block listing the messages, to paste into a scenario (or share, once
 * anonymised): times are offsets from the first message, which the header comment gives as the
 * `start` to use. Each message keeps what the log says happened to it (`observed`).
 */
export function trafficYaml(imported: readonly ImportedMessage[], summary: ImportSummary, source: string, offsetMinutes: number): string {
  const start = summary.firstAtEpochMs ?? 0;
  const span = summary.lastAtEpochMs === null ? 0 : summary.lastAtEpochMs - start;
  const placed = placeMessages(imported, start, span + 1);
  const lines = [
    `# Imported by egress-sim from ${source}: ${placed.messages.length} messages.`,
    `# Times are offsets from the first message; give the scenario`,
    `#   start: ${isoInOffset(start, offsetMinutes)}`,
    `#   duration: at least ${Math.ceil((span + 1) / 60_000)}m, plus time for retries`,
    'traffic:',
    '  messages:',
  ];
  if (placed.messages.length === 0) lines[lines.length - 1] = '  messages: []';
  for (const m of placed.messages) {
    lines.push(`    - { id: ${JSON.stringify(m.id)}, at: ${m.atMs}ms, from: ${JSON.stringify(m.from)}, to: [${m.to.map((to) => JSON.stringify(to)).join(', ')}], size: ${m.sizeBytes}, observed: ${m.observed ?? 'unknown'} }`);
  }
  return `${lines.join('\n')}\n`;
}
