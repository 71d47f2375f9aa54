/** Month abbreviations of classic syslog stamps, January first. */
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const isoPattern = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d\d:?\d\d)?$/;

/**
 * Parses an ISO 8601 / RFC 3339 stamp (`2024-02-07T09:15:02.123456+11:00`, a space instead of the
 * T, no seconds, `Z`); a stamp without an offset is local time `offsetMinutes` east of UTC.
 * Returns ms since the epoch, or undefined when it is not a valid stamp.
 */
export function parseIsoStamp(text: string, offsetMinutes: number): number | undefined {
  const m = isoPattern.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const offset = m[8] === undefined ? offsetMinutes : offsetOf(m[8]);
  return localToEpoch(year, month - 1, day, hour, minute, second, ms, offset);
}

/** Parses a classic syslog stamp's parts (`Feb`, `7`, `09:15:02`) in `year`; undefined when invalid. */
export function parseClassicStamp(monthName: string, day: string, time: string, year: number, offsetMinutes: number): number | undefined {
  const month = months.indexOf(monthName);
  const t = /^(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?$/.exec(time);
  if (month < 0 || !t) return undefined;
  const ms = t[4] === undefined ? 0 : Math.floor(Number(`0.${t[4]}`) * 1000);
  return localToEpoch(year, month, Number(day), Number(t[1]), Number(t[2]), Number(t[3]), ms, offsetMinutes);
}

/** The month index (0-11) of a classic syslog abbreviation, or -1. */
export function monthIndex(name: string): number {
  return months.indexOf(name);
}

function offsetOf(text: string): number {
  if (text === 'Z') return 0;
  const digits = text.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return text.startsWith('-') ? -minutes : minutes;
}

function localToEpoch(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMinutes: number): number | undefined {
  if (month > 11 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const epoch = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), ms);
  // Date.UTC rolls 31 Feb over into March; a real stamp never does.
  if (new Date(epoch).getUTCDate() !== day) return undefined;
  return epoch - offsetMinutes * 60_000;
}

/** ISO 8601 in a fixed offset, `2024-02-07T09:15:02+11:00` (ms shown only when not zero). */
export function isoInOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString();
  const trimmed = local.endsWith('.000Z') ? local.slice(0, -5) : local.slice(0, -1);
  if (offsetMinutes === 0) return `${trimmed}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${trimmed}${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
