/**
 * Wall-clock time in the program's time zone, computed once per event.
 * The Intl.DateTimeFormat instance is created when the clock is created (at compile time); per
 * event we only look up the zone offset, memoised per UTC hour, so the hot path rarely calls Intl.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** The local calendar position of an instant. */
export interface LocalMoment {
  /** Local calendar day as days since 1970-01-01 (see {@link isoDateOfDay}). */
  readonly day: number;
  /** Day of the week, 0 = Monday ... 6 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight, 0..1439. */
  readonly minutes: number;
}

/** Turns an instant (epoch milliseconds) into its local moment. Pure; memoises zone offsets. */
export type LocalClock = (epochMs: number) => LocalMoment;

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. @example dayOfIsoDate('1970-01-02') // 1 */
export function dayOfIsoDate(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

// Day numbers of 1000-01-01 and 9999-12-31: the years `toISOString` prints with four digits.
const FIRST_FOUR_DIGIT_DAY = -354_285;
const LAST_FOUR_DIGIT_DAY = 2_932_896;

/** YYYY-MM-DD of a day number. @example isoDateOfDay(0) // '1970-01-01' */
export function isoDateOfDay(day: number): string {
  if (!Number.isInteger(day) || day < FIRST_FOUR_DIGIT_DAY || day > LAST_FOUR_DIGIT_DAY) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  // Civil date from a day count (H. Hinnant's algorithm, eras of 400 years starting 0000-03-01):
  // integer arithmetic is several times cheaper than a Date and its ISO string.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Weekday of a day number, 0 = Monday. @example weekdayOfDay(0) // 3 (a Thursday) */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

// What `format` prints for en-US with the options below, e.g. '6/1/2025, 15:04:05'.
const WALL_CLOCK = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

function offsetReader(timeZone: string): (epochMs: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (epochMs) => {
    const whole = Math.floor(epochMs / 1000) * 1000;
    // `format` and a regular expression cost a quarter of `formatToParts`; anything unusual
    // (eras, other digits) falls back to the parts.
    const m = WALL_CLOCK.exec(format.format(whole));
    let wall: number;
    if (m) wall = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
    else {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(whole)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
    }
    return wall - whole;
  };
}

/**
 * A clock for one IANA time zone. Offsets are cached per UTC hour when they are the same at the
 * start and the end of that hour (zones change offset at most once within an hour); in an hour
 * that contains a change, each instant is resolved exactly.
 * @example createLocalClock('Europe/Berlin')(Date.parse('2025-09-05T23:30:00Z')) // { weekday: 5 (Saturday), minutes: 90, ... }
 */
export function createLocalClock(timeZone: string): LocalClock {
  const fixed = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const offsetAt = fixed ? () => 0 : offsetReader(timeZone);
  const byHour = new Map<number, number>();
  // Callers mostly go forward in time (a replay, a day's events): the last hour saves the lookup.
  let lastHour = Number.NaN;
  let last = 0;
  const offset = (epochMs: number): number => {
    if (fixed) return 0;
    const hour = Math.floor(epochMs / MS_PER_HOUR);
    if (hour !== lastHour) {
      let o = byHour.get(hour);
      if (o === undefined) {
        const start = offsetAt(hour * MS_PER_HOUR);
        const end = offsetAt(hour * MS_PER_HOUR + MS_PER_HOUR - 1000);
        o = start === end ? start : Number.NaN;
        if (byHour.size > 50_000) byHour.clear();
        byHour.set(hour, o);
      }
      lastHour = hour;
      last = o;
    }
    return Number.isNaN(last) ? offsetAt(epochMs) : last;
  };
  return (epochMs) => {
    const local = epochMs + offset(epochMs);
    const day = Math.floor(local / MS_PER_DAY);
    return { day, weekday: weekdayOfDay(day), minutes: Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE) };
  };
}

/** Keys of the cap windows an event falls in, in the program time zone. */
export interface CapWindows {
  /** Local date, YYYY-MM-DD. */
  day: string;
  /** ISO week, YYYY-Www (weeks start on Monday). */
  week: string;
  /** YYYY-MM. */
  month: string;
}

/**
 * The day / ISO week / month an event's local day belongs to; the ledger keys its per-rule
 * counters by these so caps "per day/week/month" mean the program's local calendar.
 * @example capWindowsOfDay(dayOfIsoDate('2025-09-06')) // { day: '2025-09-06', week: '2025-W36', month: '2025-09' }
 */
export function capWindowsOfDay(day: number): CapWindows {
  const iso = isoDateOfDay(day);
  const thursday = day - weekdayOfDay(day) + 3;
  const weekYear = Number(isoDateOfDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayOfIsoDate(`${weekYear}-01-01`)) / 7) + 1;
  return { day: iso, week: `${weekYear}-W${String(week).padStart(2, '0')}`, month: iso.slice(0, 7) };
}
