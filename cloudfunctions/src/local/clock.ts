/**
 * The local cloud's clock: real time shifted by an offset, so a set instant keeps running on (HZ_NOW and
 * POST /api/dev/clock move it; deadlines and "today" then behave as they would on that day).
 */
export class DevClock {
  private offsetMs = 0;

  constructor(start?: string | Date) {
    if (start !== undefined && start !== '') this.set(start);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Throws on anything that is not a valid ISO-8601 instant with a zone (Z or ±hh:mm). */
  set(instant: string | Date): Date {
    const t = typeof instant === 'string' ? parseInstant(instant) : instant.getTime();
    if (!Number.isFinite(t)) throw new RangeError('invalid instant');
    this.offsetMs = t - Date.now();
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A zone is required: "2026-05-01T09:00" would depend on the machine's time zone. */
function parseInstant(s: string): number {
  if (typeof s !== 'string' || !ISO_INSTANT.test(s)) return NaN;
  return Date.parse(s);
}
