/**
 * Turns simulated ms into wall-clock time in the scenario's own offset, the one its `start` was
 * written with. A fixed offset keeps output identical on every machine, whatever its time zone.
 */
export class WallClock {
  readonly startEpochMs: number;
  readonly offsetMinutes: number;

  /** @param startIso ISO 8601 with an offset or Z, e.g. 2008-02-07T08:30:00+11:00. */
  constructor(startIso: string) {
    this.startEpochMs = Date.parse(startIso);
    const match = /([+-])(\d\d):?(\d\d)$/.exec(startIso);
    this.offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  }

  /** ISO 8601 with the scenario's offset: `2008-02-07T09:02:11+11:00` (ms shown only when not zero). */
  iso(simMs: number): string {
    const local = new Date(this.startEpochMs + simMs + this.offsetMinutes * 60_000).toISOString();
    const trimmed = local.endsWith('.000Z') ? local.slice(0, -5) : local.slice(0, -1);
    return trimmed + this.offsetText();
  }

  /** Local time of day, `HH:MM:SS`. */
  time(simMs: number): string {
    return this.iso(simMs).slice(11, 19);
  }

  /** Local date and time, `YYYY-MM-DD HH:MM`. */
  dateTime(simMs: number): string {
    const iso = this.iso(simMs);
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }

  /** Ms since local midnight at simulated time 0. */
  get startLocalDayMs(): number {
    const localMs = this.startEpochMs + this.offsetMinutes * 60_000;
    return ((localMs % 86_400_000) + 86_400_000) % 86_400_000;
  }

  private offsetText(): string {
    if (this.offsetMinutes === 0) return 'Z';
    const sign = this.offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(this.offsetMinutes);
    return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
}
