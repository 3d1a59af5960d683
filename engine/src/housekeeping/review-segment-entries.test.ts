import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { activeTemplateProgram, testMember } from '../events/test-fixtures';
import { collectJourneyWork } from '../journeys/collect-journey-work';
import { changeTier } from '../members';
import type { ProgramSpec } from '../spec';
import { tempDatabase } from '../testing/temp-db';
import { runProgramHousekeeping } from './run-program-housekeeping';

const { db, cleanup } = tempDatabase('loyalty-segment-entries-');
afterAll(cleanup);

const goldWelcome = (spec: ProgramSpec): ProgramSpec => ({
  ...spec,
  segments: [...spec.segments, { id: 'seg-gold', name: 'Gold members', description: '', condition: { op: 'eq', field: 'member.tier', value: 'gold' } }],
  journeys: [
    {
      id: 'journey-gold',
      name: 'Welcome to Gold',
      description: '',
      enabled: true,
      reentry: 'every-time',
      trigger: { kind: 'segment-entry', segmentId: 'seg-gold' },
      entryStepId: 'done',
      steps: [{ id: 'done', kind: 'exit' }],
    },
  ],
});

describe('segment entries in housekeeping', () => {
  const { programId } = activeTemplateProgram(db, 'retail-tiers', goldWelcome);
  const ana = testMember(db, programId, 'ana', { joinedAt: '2026-01-05T10:00:00Z' });
  const ben = testMember(db, programId, 'ben', { joinedAt: '2026-01-05T10:00:00Z' });
  const segmentsOn = async (asOf: string) => (await runProgramHousekeeping({ ctx: { db }, input: { programId, asOf, batchSize: 1 } })).programs[0]!.journeys.segments;
  const entries = () => db.select().from(outbox).where(and(eq(outbox.programId, programId), eq(outbox.type, 'segment-entered'))).all();
  const gold = (memberId: string, tier: string, at: string) => changeTier({ ctx: { db }, input: { programId, memberId, toTierId: tier, reason: 'test', at } });

  it('announces who entered since the last daily review, once a day, and an entry again after leaving', async () => {
    const cursor = collectJourneyWork({ ctx: { db }, input: { afterSeq: 0, limit: 1000 } }).lastSeq;
    gold(ana, 'gold', '2026-03-01T12:00:00Z');
    expect(await segmentsOn('2026-03-02T06:00:00.000Z')).toEqual({ reviewed: 2, entered: 1, left: 0 });
    expect(await segmentsOn('2026-03-02T06:15:00.000Z')).toEqual({ reviewed: 0, entered: 0, left: 0 }); // done for the day
    gold(ben, 'gold', '2026-03-02T12:00:00Z');
    expect(await segmentsOn('2026-03-03T06:00:00.000Z')).toEqual({ reviewed: 2, entered: 1, left: 0 }); // Ana stays in: no new entry
    gold(ana, 'silver', '2026-03-03T12:00:00Z');
    expect(await segmentsOn('2026-03-04T06:00:00.000Z')).toEqual({ reviewed: 2, entered: 0, left: 1 });
    gold(ana, 'gold', '2026-03-04T12:00:00Z');
    expect(await segmentsOn('2026-03-05T06:00:00.000Z')).toEqual({ reviewed: 2, entered: 1, left: 0 });
    expect(entries().map((e) => [e.memberId, e.id.slice(-10)])).toEqual([
      [ana, '2026-03-02'],
      [ben, '2026-03-03'],
      [ana, '2026-03-05'],
    ]);
    const starts = collectJourneyWork({ ctx: { db }, input: { afterSeq: cursor, limit: 1000 } }).starts;
    expect(starts.map((s) => s.runId.split(':')[3])).toEqual([ana, ben, ana]);
  });
});
