import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbTx } from '../db';
import { journeyRuns } from '../db/schema';
import { DomainError } from '../errors';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { activeVersionId, runtimeOfVersion } from '../events/program-runtime';
import { memberById, survivor, type MemberRow } from '../members';
import { journeyEventOf, scheduledStart, SCHEDULE_EVENTS, startsOn, type JourneyOccurrence } from './journey-events';
import { inSegment } from './member-condition';
import { readOutbox, type FeedRow } from './outbox-feed';

/** A journey run to start: the workflow id is the run id; `notBefore` delays its first step. */
export type JourneyStart = { runId: string; entryStepId: string; notBefore?: string | undefined };
/** An event for a member's running journeys (the ones waiting for it move on). */
export type JourneySignal = { runId: string; occurrence: JourneyOccurrence };
export type JourneyWork = { starts: JourneyStart[]; signals: JourneySignal[]; lastSeq: number };

export const CollectJourneyWorkInput = z.object({ afterSeq: z.number().int().min(0), limit: z.number().int().min(1).max(1000).default(200) });

/**
 * Reads the outbox after `afterSeq` and turns each member event into journey work: runs to start
 * (recorded in `journey_runs` in the same step; scheduled journeys start when `scheduledStart`
 * says) and events for running journeys. Safe to repeat for the same rows: a run's id derives
 * from its journey, member and (for journeys a member may enter every time) the event, so a repeat
 * finds the run it recorded and starts it again, which Temporal refuses as a duplicate. The caller
 * saves the cursor once the work is handed over.
 * @example const work = collectJourneyWork({ ctx: { db }, input: { afterSeq: 0 } }); // then start work.starts, signal work.signals
 */
export function collectJourneyWork({ ctx, input }: { ctx: { db: Db }; input: z.input<typeof CollectJourneyWorkInput> }): JourneyWork {
  const req = CollectJourneyWorkInput.parse(input);
  return ctx.db.transaction((tx) => {
    const rows = readOutbox(tx, req.afterSeq, req.limit);
    const work: JourneyWork = { starts: [], signals: [], lastSeq: rows.at(-1)?.seq ?? req.afterSeq };
    for (const row of rows) {
      const occurrence = journeyEventOf(row.type, row.payload);
      if ((!occurrence && !SCHEDULE_EVENTS.has(row.type)) || !row.memberId || !row.programId) continue;
      const found = memberById(tx, row.memberId);
      const member = found && survivor(tx, found);
      if (!member || member.status !== 'active') continue;
      const running = tx.select({ id: journeyRuns.id, triggerEventId: journeyRuns.triggerEventId }).from(journeyRuns).where(and(eq(journeyRuns.memberId, member.id), eq(journeyRuns.status, 'running'))).all();
      if (occurrence) for (const run of running) if (run.triggerEventId !== row.id) work.signals.push({ runId: run.id, occurrence });
      work.starts.push(...startsFor(tx, row, member, occurrence));
    }
    return work;
  }, WRITE_TRANSACTION);
}

function startsFor(tx: DbTx, row: FeedRow, member: MemberRow, occurrence: JourneyOccurrence | undefined): JourneyStart[] {
  let versionId: string;
  try {
    versionId = activeVersionId(tx, member.programId, member.id);
  } catch (error) {
    if (error instanceof DomainError) return []; // no active version: nothing runs
    throw error;
  }
  const runtime = runtimeOfVersion(tx, versionId);
  const at = Date.parse(row.createdAt);
  const starts: JourneyStart[] = [];
  for (const journey of runtime.spec.journeys) {
    const notBefore = occurrence ? undefined : scheduledStart(journey, { type: row.type, payload: row.payload, at }, runtime.compiled.clock);
    if (occurrence ? !startsOn(journey, occurrence) : !notBefore) continue;
    const base = `journey:${member.programId}:${journey.id}:${member.id}`;
    const runId = journey.reentry === 'once' ? base : `${base}:${row.seq}`;
    const existing = tx.select({ triggerEventId: journeyRuns.triggerEventId }).from(journeyRuns).where(eq(journeyRuns.id, runId)).get();
    if (existing) {
      if (existing.triggerEventId === row.id) starts.push({ runId, entryStepId: journey.entryStepId, notBefore });
      continue;
    }
    if (journey.audienceSegmentId && !inSegment(tx, runtime, member, journey.audienceSegmentId, at)) continue;
    const now = new Date().toISOString();
    tx.insert(journeyRuns)
      .values({ id: runId, programId: member.programId, versionId, journeyId: journey.id, memberId: member.id, triggerEventId: row.id, stepId: journey.entryStepId, startedAt: now, updatedAt: now })
      .run();
    starts.push({ runId, entryStepId: journey.entryStepId, notBefore });
  }
  return starts;
}
