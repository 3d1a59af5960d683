import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbTx } from '../db';
import { members } from '../db/schema';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { outboxHas, writeOutboxRow } from '../ledger/outbox';
import { dayOfIsoDate, isoDateOfDay, type LocalClock } from '../rules';
import { localInstant, MS_PER_DAY } from '../simulation/calendar';
import type { Journey } from '../spec';
import { yieldToEventLoop } from './pace';
import type { VersionsInForce } from './versions-in-force';

/** A journey date older than this is not announced any more: a program-change notice months late would mislead. */
export const STALE_JOURNEY_DATE_DAYS = 7;

type Schedule = Extract<Journey['trigger'], { kind: 'schedule' }>['schedule'];
const scheduleOf = (j: Journey): Schedule | undefined => (j.enabled && j.trigger.kind === 'schedule' ? j.trigger.schedule : undefined);

/**
 * The instant a `date` schedule means in the program's time zone (a date alone is local midnight).
 * @example journeyDateInstant('2026-05-18T09:00:00', createLocalClock('Europe/Amsterdam')) // 2026-05-18T07:00:00Z
 */
export function journeyDateInstant(at: string, clock: LocalClock): number {
  if (/[zZ]|[+-]\d\d:\d\d$/.test(at)) return Date.parse(at);
  const [date, time = '00:00'] = at.split('T') as [string, string?];
  return localInstant(clock, dayOfIsoDate(date), Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
}

/** The member's next birthday on or after local `today` (29 February is the 28th in other years), as a day number. */
export function nextBirthday(birthDate: string, today: number): number {
  const year = new Date(today * MS_PER_DAY).getUTCFullYear();
  const on = (y: number) => {
    const month = Number(birthDate.slice(5, 7)) - 1;
    const day = Number(birthDate.slice(8, 10));
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return Math.floor(Date.UTC(y, month, month === 1 && day === 29 && !leap ? 28 : day) / MS_PER_DAY);
  };
  return on(year) >= today ? on(year) : on(year + 1);
}

/**
 * Writes the outbox events that start scheduled journeys (the journey relay starts the runs):
 * - `member-birthday` for active members whose birthday (program time zone) falls within the longest
 *   `daysBefore` of the birthday journeys in force, one per member and birthday;
 * - `journey-date` for every active member running a version whose journey's date has come (within
 *   {@link STALE_JOURNEY_DATE_DAYS}), one per member and journey, then a `journey-date-reached`
 *   row for the program so later runs skip it.
 * @example await announceJourneySchedules(db, { programId, at, versions, batchSize: 200 }) // { birthdays: 3, dated: 0 }
 */
export async function announceJourneySchedules(db: DbTx, { programId, at, versions, batchSize }: { programId: string; at: string; versions: VersionsInForce; batchSize: number }) {
  const now = Date.parse(at);
  const clock = versions.runtimes[0]!.compiled.clock;
  const schedules = versions.runtimes.flatMap((runtime) => runtime.spec.journeys.flatMap((journey) => {
    const schedule = scheduleOf(journey);
    return schedule ? [{ runtime, journey, schedule }] : [];
  }));
  let birthdays = 0;
  let dated = 0;

  const birthdayDays = Math.max(-1, ...schedules.map((s) => (s.schedule.kind === 'birthday' ? s.schedule.daysBefore : -1)));
  if (birthdayDays >= 0) {
    const today = clock(now).day;
    const born = db.select({ id: members.id, birthDate: members.birthDate }).from(members).where(and(eq(members.programId, programId), eq(members.status, 'active'), isNotNull(members.birthDate))).all();
    const due = born.flatMap((m) => {
      const day = nextBirthday(m.birthDate!, today);
      return day - today <= birthdayDays ? [{ memberId: m.id, birthday: isoDateOfDay(day) }] : [];
    });
    for (let i = 0; i < due.length; i += batchSize) {
      db.transaction((tx) => {
        for (const d of due.slice(i, i + batchSize)) writeOutboxRow(tx, { id: `${d.memberId}:birthday:${d.birthday}`, type: 'member-birthday', programId, memberId: d.memberId, payload: { birthday: d.birthday }, at });
      }, WRITE_TRANSACTION);
      await yieldToEventLoop();
    }
    birthdays = due.length;
  }

  for (const { runtime, journey, schedule } of schedules) {
    if (schedule.kind !== 'date') continue;
    const when = journeyDateInstant(schedule.at, clock);
    if (when > now || now - when > STALE_JOURNEY_DATE_DAYS * MS_PER_DAY) continue;
    const doneId = `${programId}:journey-date:${runtime.versionId}:${journey.id}`;
    if (outboxHas(db, doneId)) continue;
    const audience = db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.programId, programId), eq(members.status, 'active')))
      .all()
      .filter((m) => versions.runtimeOf(m.id).versionId === runtime.versionId);
    for (let i = 0; i < audience.length; i += batchSize) {
      db.transaction((tx) => {
        for (const m of audience.slice(i, i + batchSize)) {
          writeOutboxRow(tx, { id: `${m.id}:journey-date:${runtime.versionId}:${journey.id}`, type: 'journey-date', programId, memberId: m.id, payload: { journeyId: journey.id, versionId: runtime.versionId }, at });
        }
      }, WRITE_TRANSACTION);
      await yieldToEventLoop();
    }
    writeOutboxRow(db, { id: doneId, type: 'journey-date-reached', programId, memberId: null, payload: { journeyId: journey.id, versionId: runtime.versionId, members: audience.length }, at });
    dated += audience.length;
  }
  return { birthdays, dated };
}
