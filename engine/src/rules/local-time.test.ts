import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capWindowsOfDay, createLocalClock, dayOfIsoDate, isoDateOfDay, weekdayOfDay } from './local-time';

const at = (iso: string) => Date.parse(iso);
const WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('local clock', () => {
  it('Friday 23:30 UTC is Saturday 01:30 in Berlin (summer time)', () => {
    const t = createLocalClock('Europe/Berlin')(at('2025-09-05T23:30:00Z'));
    expect(WEEKDAY[t.weekday]).toBe('sat');
    expect(t.minutes).toBe(90);
    expect(isoDateOfDay(t.day)).toBe('2025-09-06');
  });

  it('Friday 22:30 UTC in winter is Friday 23:30 in Berlin; UTC stays Friday', () => {
    expect(WEEKDAY[createLocalClock('Europe/Berlin')(at('2025-01-10T22:30:00Z')).weekday]).toBe('fri');
    expect(createLocalClock('Europe/Berlin')(at('2025-01-10T22:30:00Z')).minutes).toBe(23 * 60 + 30);
    expect(WEEKDAY[createLocalClock('UTC')(at('2025-09-05T23:30:00Z')).weekday]).toBe('fri');
  });

  it('handles the spring-forward and fall-back hours exactly', () => {
    const berlin = createLocalClock('Europe/Berlin');
    expect(berlin(at('2025-03-30T00:59:00Z')).minutes).toBe(1 * 60 + 59);
    expect(berlin(at('2025-03-30T01:00:00Z')).minutes).toBe(3 * 60);
    expect(berlin(at('2025-10-26T00:30:00Z')).minutes).toBe(2 * 60 + 30);
    expect(berlin(at('2025-10-26T01:30:00Z')).minutes).toBe(2 * 60 + 30);
    const ny = createLocalClock('America/New_York');
    expect(ny(at('2025-03-09T06:59:00Z')).minutes).toBe(1 * 60 + 59);
    expect(ny(at('2025-03-09T07:00:00Z')).minutes).toBe(3 * 60);
  });

  it('handles half-hour zones and dates west of UTC', () => {
    expect(createLocalClock('Asia/Kolkata')(at('2025-09-05T20:00:00Z')).minutes).toBe(1 * 60 + 30);
    const la = createLocalClock('America/Los_Angeles')(at('2025-01-01T05:00:00Z'));
    expect(isoDateOfDay(la.day)).toBe('2024-12-31');
    expect(WEEKDAY[la.weekday]).toBe('tue');
  });

  it('agrees with Intl for any instant, also around offset changes (memoised offsets are safe)', () => {
    // Transitions: Berlin, New York, Lord Howe (30-minute shift), Sao Paulo (2018), plus random instants.
    const changes = ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2025-03-09T07:00:00Z', '2025-04-05T15:00:00Z', '2025-10-04T15:30:00Z', '2018-11-04T03:00:00Z'].map(at);
    const near = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 })).map(([c, d]) => c + d);
    const instant = fc.oneof(near, fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2035-01-01') }));
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo'];
    const clocks = zones.map((z) => createLocalClock(z));
    const formats = zones.map((z) => new Intl.DateTimeFormat('en-GB', { timeZone: z, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit', year: 'numeric', month: '2-digit', day: '2-digit' }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: zones.length - 1 }), instant, (z, ms) => {
        const t = clocks[z]!(ms);
        const p = Object.fromEntries(formats[z]!.formatToParts(ms).map((x) => [x.type, x.value]));
        expect(isoDateOfDay(t.day)).toBe(`${p.year}-${p.month}-${p.day}`);
        expect(t.minutes).toBe(Number(p.hour) * 60 + Number(p.minute));
        expect(WEEKDAY[t.weekday]).toBe(p.weekday?.toLowerCase());
      }),
      { numRuns: 4000 },
    );
  });
});

describe('days and cap windows', () => {
  it('converts dates and weekdays', () => {
    expect(dayOfIsoDate('1970-01-01')).toBe(0);
    expect(isoDateOfDay(dayOfIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(WEEKDAY[weekdayOfDay(dayOfIsoDate('2025-09-06'))]).toBe('sat');
    expect(WEEKDAY[weekdayOfDay(dayOfIsoDate('1969-12-31'))]).toBe('wed');
  });

  it('prints the same date as toISOString for any day, four-digit year or not', () => {
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    for (const d of [-354_286, -354_285, -1, 0, 11_016, 2_932_896, 2_932_897]) expect(isoDateOfDay(d)).toBe(iso(d));
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 4_000_000 }), (d) => {
        expect(isoDateOfDay(d)).toBe(iso(d));
      }),
      { numRuns: 5000 },
    );
  });

  it('keys ISO weeks, including across year ends', () => {
    expect(capWindowsOfDay(dayOfIsoDate('2025-09-06'))).toEqual({ day: '2025-09-06', week: '2025-W36', month: '2025-09' });
    expect(capWindowsOfDay(dayOfIsoDate('2024-12-30')).week).toBe('2025-W01');
    expect(capWindowsOfDay(dayOfIsoDate('2021-01-03')).week).toBe('2020-W53');
    expect(capWindowsOfDay(dayOfIsoDate('2025-09-01')).week).toBe(capWindowsOfDay(dayOfIsoDate('2025-09-07')).week);
    expect(capWindowsOfDay(dayOfIsoDate('2025-09-08')).week).toBe('2025-W37');
  });
});
