import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { journeyRuns } from '../db/schema';
import { activeTemplateProgram, testMember } from '../events/test-fixtures';
import { tempDatabase } from '../testing/temp-db';
import { collectJourneyWork } from './collect-journey-work';
import { listMemberJourneys } from './list-member-journeys';
import { outboxCursor, saveOutboxCursor } from './outbox-feed';
import { runJourneyStep } from './run-journey-step';
import { withWelcomeJourney } from './test-journey';

const { db, cleanup } = tempDatabase('loyalty-member-journeys-');
afterAll(cleanup);

const NOON = '2026-03-02T12:00:00.000Z';

/** Takes everything new in the outbox, as the relay does, and returns the runs to start. */
function collect() {
  const work = collectJourneyWork({ ctx: { db }, input: { afterSeq: outboxCursor(db, 'test') } });
  saveOutboxCursor(db, 'test', work.lastSeq);
  return work;
}

describe('listMemberJourneys', () => {
  const { programId, versionId } = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec));
  const other = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec));
  const bo = testMember(db, programId, 'bo'); // joined before the relay started reading: in no journey yet
  collect(); // the relay starts reading at the end of the outbox
  const ana = testMember(db, programId, 'ana');
  const cy = testMember(db, other.programId, 'cy');
  const [welcome] = collect().starts.filter((s) => s.runId.endsWith(`:${ana}`));

  /** A run as the relay writes it, for states a test cannot easily reach. */
  function run(id: string, memberId: string, over: Partial<typeof journeyRuns.$inferInsert> = {}) {
    db.insert(journeyRuns)
      .values({ id, programId, versionId, journeyId: 'journey-welcome', memberId, triggerEventId: `event-${id}`, stepId: 'hello', startedAt: NOON, updatedAt: NOON, ...over })
      .run();
    return id;
  }

  it('lists a started run with the journey and step of its version', () => {
    expect(welcome).toBeDefined();
    expect(listMemberJourneys({ ctx: { db }, input: { programId, memberId: ana } })).toEqual([
      {
        runId: welcome!.runId,
        journeyId: 'journey-welcome',
        journeyName: 'Welcome',
        stepId: 'hello',
        stepName: null,
        stepKind: 'send',
        status: 'running',
        variant: null,
        error: null,
        startedAt: expect.any(String),
        endedAt: null,
      },
    ]);
  });

  it('shows where a run is as it moves on: the split variant, and the last step once ended', () => {
    const runId = welcome!.runId;
    for (const [seq, stepId] of ['hello', 'text', 'receipt', 'split', 'bonus', 'is-gold', 'pause', 'first-visit', 'done'].entries()) {
      runJourneyStep({ ctx: { db }, input: { runId, stepId, seq, at: NOON } });
    }
    const [item] = listMemberJourneys({ ctx: { db }, input: { programId, memberId: ana } });
    expect(item).toMatchObject({ runId, status: 'completed', stepId: 'done', stepKind: 'exit', variant: expect.stringMatching(/^[AB]$/), endedAt: expect.any(String) });
  });

  it('lists newest first, the same start time in the order written, with the failure in words', () => {
    expect(listMemberJourneys({ ctx: { db }, input: { programId, memberId: bo } })).toEqual([]);
    const older = run('older', bo, { startedAt: '2026-03-01T09:00:00.000Z', status: 'completed', stepId: 'done', endedAt: '2026-03-01T10:00:00.000Z' });
    const first = run('z-first', bo, { status: 'failed', stepId: 'bonus', error: 'The points could not be booked: the member was merged.', endedAt: NOON });
    const second = run('a-second', bo, { stepId: 'pause', variant: 'B' });
    const items = listMemberJourneys({ ctx: { db }, input: { programId, memberId: bo } });
    expect(items.map((r) => r.runId)).toEqual([second, first, older]);
    expect(items[0]).toMatchObject({ status: 'running', stepId: 'pause', stepKind: 'wait', variant: 'B', error: null });
    expect(items[1]).toMatchObject({ status: 'failed', stepId: 'bonus', stepKind: 'award', error: 'The points could not be booked: the member was merged.', endedAt: NOON });
    expect(listMemberJourneys({ ctx: { db }, input: { programId, memberId: bo, limit: 1 } }).map((r) => r.runId)).toEqual([second]);
  });

  it('falls back to ids for a journey or step the version does not have', () => {
    const gone = run('gone', ana, { journeyId: 'journey-removed', stepId: 'step-x', startedAt: '2027-01-01T00:00:00.000Z' });
    const renamed = run('renamed', ana, { stepId: 'step-y', startedAt: '2026-12-01T00:00:00.000Z' });
    const [a, b] = listMemberJourneys({ ctx: { db }, input: { programId, memberId: ana } });
    expect(a).toMatchObject({ runId: gone, journeyId: 'journey-removed', journeyName: 'journey-removed', stepId: 'step-x', stepName: null, stepKind: null });
    expect(b).toMatchObject({ runId: renamed, journeyName: 'Welcome', stepId: 'step-y', stepName: null, stepKind: null });
  });

  it('gives the step’s label when the journey names it', () => {
    const named = activeTemplateProgram(db, 'retail-tiers', (spec) => {
      const s = withWelcomeJourney(spec);
      return { ...s, journeys: s.journeys.map((j) => ({ ...j, steps: j.steps.map((st) => (st.id === 'hello' ? { ...st, name: 'Say hello' } : st)) })) };
    });
    const dee = testMember(db, named.programId, 'dee');
    const [start] = collect().starts.filter((s) => s.runId.endsWith(`:${dee}`));
    expect(start).toBeDefined();
    expect(listMemberJourneys({ ctx: { db }, input: { programId: named.programId, memberId: dee } })).toMatchObject([{ journeyName: 'Welcome', stepId: 'hello', stepName: 'Say hello', stepKind: 'send' }]);
  });

  it('shows only the given program’s member, and none for a member in no journey', () => {
    expect(listMemberJourneys({ ctx: { db }, input: { programId: other.programId, memberId: ana } })).toEqual([]);
    expect(listMemberJourneys({ ctx: { db }, input: { programId, memberId: cy } })).toEqual([]);
    expect(listMemberJourneys({ ctx: { db }, input: { programId: other.programId, memberId: cy } })).toHaveLength(1);
    db.delete(journeyRuns).where(eq(journeyRuns.memberId, cy)).run();
    expect(listMemberJourneys({ ctx: { db }, input: { programId: other.programId, memberId: cy } })).toEqual([]);
  });

  it('answers 20 by default and at most 100', () => {
    for (let i = 0; i < 25; i++) run(`many-${i}`, bo, { startedAt: `2026-02-01T09:00:${String(i).padStart(2, '0')}.000Z` });
    expect(listMemberJourneys({ ctx: { db }, input: { programId, memberId: bo } })).toHaveLength(20);
    expect(listMemberJourneys({ ctx: { db }, input: { programId, memberId: bo, limit: 100 } })).toHaveLength(28);
    expect(() => listMemberJourneys({ ctx: { db }, input: { programId, memberId: bo, limit: 101 } })).toThrow();
    expect(() => listMemberJourneys({ ctx: { db }, input: { programId, memberId: bo, limit: 0 } })).toThrow();
  });
});
