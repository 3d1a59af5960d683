/**
 * Date-time parsing for imports: a pattern of tokens (`YYYY`, `MM`/`M`, `DD`/`D`, `HH`/`H`, `mm`,
 * `ss`; anything else is literal) read as wall-clock time in an IANA time zone, `iso` (ISO 8601;
 * without an offset it is wall-clock time in the zone), `epoch-ms` or `epoch-s`. Results are
 * memoised per distinct text, so a history with few distinct timestamps parses fast.
 */
export type DateFormat = 'iso' | 'epoch-ms' | 'epoch-s' | (string & {});

const MS_PER_HOUR = 3_600_000;

/** The offset of a zone from UTC at an instant, in ms, cached per UTC hour. */
function zoneOffset(timeZone: string): (epochMs: number) => number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return () => 0;
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
  const byHour = new Map<number, number>();
  return (epochMs) => {
    const hour = Math.floor(epochMs / MS_PER_HOUR);
    const cached = byHour.get(hour);
    if (cached !== undefined) return cached;
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(hour * MS_PER_HOUR)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
    const offset = wall - hour * MS_PER_HOUR;
    byHour.set(hour, offset);
    return offset;
  };
}

/**
 * Turns wall-clock fields in a zone into an instant. A time that falls in a daylight-saving gap or
 * overlap resolves deterministically to one of its candidate instants.
 */
export function wallClock(timeZone: string): (y: number, mo: number, d: number, h: number, mi: number, s: number) => number {
  const offset = zoneOffset(timeZone);
  return (y, mo, d, h, mi, s) => {
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    const first = offset(wall);
    const t = wall - first;
    const second = offset(t);
    return second === first ? t : wall - Math.max(first, second);
  };
}

const TOKENS: Record<string, string> = { YYYY: '(\\d{4})', MM: '(\\d{2})', M: '(\\d{1,2})', DD: '(\\d{2})', D: '(\\d{1,2})', HH: '(\\d{2})', H: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})' };
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A parser for one format and zone; `undefined` for text that does not match or is not a real date.
 * @example createDateParser('YYYY-MM-DD HH:mm:ss', 'Europe/London')('2011-06-01 12:00:00') // Date.parse('2011-06-01T11:00:00Z')
 * @example createDateParser('M/D/YYYY H:mm')('12/1/2010 8:26') // Date.parse('2010-12-01T08:26:00Z')
 */
export function createDateParser(format: DateFormat, timeZone = 'UTC'): (text: string) => number | undefined {
  if (format === 'epoch-ms' || format === 'epoch-s') {
    const scale = format === 'epoch-s' ? 1000 : 1;
    return (text) => (/^-?\d+(\.\d+)?$/.test(text) ? Math.round(Number(text) * scale) : undefined);
  }
  const toInstant = wallClock(timeZone);
  const order: string[] = [];
  let regex = ISO;
  if (format !== 'iso') {
    const source = format.replace(/YYYY|MM|M|DD|D|HH|H|mm|ss|[.*+?^${}()|[\]\\]/g, (t) => {
      const group = TOKENS[t];
      if (group === undefined) return `\\${t}`;
      order.push(t[0] === 'm' ? 'i' : (t[0] ?? ''));
      return group;
    });
    regex = new RegExp(`^${source}$`);
  }
  const cache = new Map<string, number>();
  const parse = (text: string): number | undefined => {
    const m = regex.exec(text.trim());
    if (!m) return undefined;
    const f = { Y: 0, M: 1, D: 1, H: 0, i: 0, s: 0 };
    if (format === 'iso') Object.assign(f, { Y: +(m[1] ?? 0), M: +(m[2] ?? 1), D: +(m[3] ?? 1), H: +(m[4] ?? 0), i: +(m[5] ?? 0), s: +(m[6] ?? 0) });
    else order.forEach((k, i) => (f[k as keyof typeof f] = Number(m[i + 1])));
    if (f.M < 1 || f.M > 12 || f.D < 1 || f.D > daysIn(f.Y, f.M) || f.H > 23 || f.i > 59 || f.s > 59) return undefined;
    const frac = format === 'iso' && m[7] ? Math.round(Number(m[7]) * 1000) : 0;
    const zone = format === 'iso' ? m[8] : undefined;
    if (zone) {
      const sign = zone === 'Z' ? 0 : zone[0] === '-' ? -1 : 1;
      const digits = zone.replace(/[^0-9]/g, '');
      const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
      return Date.UTC(f.Y, f.M - 1, f.D, f.H, f.i, f.s) + frac - minutes * 60_000;
    }
    return toInstant(f.Y, f.M, f.D, f.H, f.i, f.s) + frac;
  };
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return Number.isNaN(hit) ? undefined : hit;
    const t = parse(text);
    if (cache.size >= 200_000) cache.clear();
    cache.set(text, t ?? Number.NaN);
    return t;
  };
}
