import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { members, outbox } from '../db/schema';
import { enrolMember } from '../events/enrol-member';
import { activeTemplateProgram } from '../events/test-fixtures';
import { collectJourneyWork } from '../journeys/collect-journey-work';
import { dayOfIsoDate, createLocalClock } from '../rules';
import { tempDatabase } from '../testing/temp-db';
import { journeyDateInstant, nextBirthday } from './announce-journey-schedules';
import { runProgramHousekeeping } from './run-program-housekeeping';

const { db, cleanup } = tempDatabase('loyalty-journey-schedules-');
afterAll(cleanup);

describe('schedule arithmetic', () => {
  it('finds the next birthday, 29 February on the 28th in other years', () => {
    const today = dayOfIsoDate('2026-03-10');
    expect(nextBirthday('1990-03-10', today)).toBe(today);
    expect(nextBirthday('1990-03-09', today)).toBe(dayOfIsoDate('2027-03-09'));
    expect(nextBirthday('2000-02-29', dayOfIsoDate('2027-02-01'))).toBe(dayOfIsoDate('2027-02-28'));
    expect(nextBirthday('2000-02-29', dayOfIsoDate('2028-02-01'))).toBe(dayOfIsoDate('2028-02-29'));
  });
  it('reads a journey date in the program time zone', () => {
    const amsterdam = createLocalClock('Europe/Amsterdam');
    expect(new Date(journeyDateInstant('2026-05-18T09:00:00', amsterdam)).toISOString()).toBe('2026-05-18T07:00:00.000Z');
    expect(new Date(journeyDateInstant('2026-03-02', amsterdam)).toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(new Date(journeyDateInstant('2026-03-02T10:00:00Z', amsterdam)).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});

describe('scheduled journeys in housekeeping (retail-tiers: birthday journey, program-change on 2 March 2026 10:00)', () => {
  const { programId } = activeTemplateProgram(db, 'retail-tiers');
  const join = (email: string, birthDate?: string) => enrolMember({ ctx: { db }, input: { programId, email, birthDate, joinedAt: '2026-01-05T10:00:00Z' } }).member.id;
  const ids = { soon: join('soon@example.com', '1990-03-02'), later: join('later@example.com', '1985-07-01'), none: join('none@example.com') };
  const run = async (asOf: string) => (await runProgramHousekeeping({ ctx: { db }, input: { programId, asOf, batchSize: 2 } })).programs[0]!.journeys;
  const eventsOf = (type: string) => db.select().from(outbox).where(and(eq(outbox.programId, programId), eq(outbox.type, type))).all();

  it('announces birthdays of the day and the program change to every active member once its time has come', async () => {
    const cursor = collectJourneyWork({ ctx: { db }, input: { afterSeq: 0, limit: 1000 } }).lastSeq;
    expect(await run('2026-03-02T08:00:00.000Z')).toMatchObject({ birthdays: 1, dated: 0 }); // 09:00 in Amsterdam: before 10:00
    expect(eventsOf('member-birthday')).toMatchObject([{ memberId: ids.soon, payload: { birthday: '2026-03-02' } }]);
    expect(await run('2026-03-02T09:15:00.000Z')).toMatchObject({ birthdays: 1, dated: 3 });
    expect(eventsOf('journey-date').map((e) => e.memberId).sort()).toEqual(Object.values(ids).sort());
    expect(await run('2026-03-02T09:30:00.000Z')).toMatchObject({ birthdays: 1, dated: 0 }); // announced once
    expect(eventsOf('member-birthday')).toHaveLength(1);

    // The relay starts the birthday journey at local midnight of the day, and the program change
    // only for members in its audience (migrated card holders: none of these three).
    const work = collectJourneyWork({ ctx: { db }, input: { afterSeq: cursor, limit: 1000 } });
    expect(work.starts).toEqual([{ runId: expect.stringContaining(`journey-birthday:${ids.soon}:`), entryStepId: expect.any(String), notBefore: '2026-03-02T08:00:00.000Z' }]);
  });

  it('does not announce a journey date long past, nor members who left', async () => {
    db.update(members).set({ status: 'blocked' }).where(eq(members.id, ids.soon)).run();
    expect(await run('2027-03-02T08:00:00.000Z')).toMatchObject({ birthdays: 0, dated: 0 });
  });
});
