import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { rowidOf, type DbTx } from '../db';
import { journeyRuns } from '../db/schema/messaging';
import { runtimeOfVersion } from '../events/program-runtime';
import { EntityId } from '../ledger/common-input';
import type { JourneyStepKind, ProgramSpec } from '../spec';

export const ListMemberJourneysInput = z.object({
  programId: EntityId,
  memberId: EntityId,
  limit: z.number().int().min(1).max(100).default(20),
});
export type ListMemberJourneysInput = z.input<typeof ListMemberJourneysInput>;

/** One journey run of a member as support sees it: which journey, where it is or ended, and how. */
export type MemberJourneyRun = {
  runId: string;
  journeyId: string;
  /** The journey's name in the version the run started on; its id when that version does not have it. */
  journeyName: string;
  /** The step being run or waited in; the last step once ended. */
  stepId: string;
  /** The step's label, when the journey gives it one. */
  stepName: string | null;
  /** The step's kind, when the version has the step. */
  stepKind: JourneyStepKind | null;
  status: 'running' | 'completed' | 'failed';
  /** The A/B split variant the member was put in, when the run passed a split. */
  variant: string | null;
  /** Why the run failed, in words for support. */
  error: string | null;
  startedAt: string;
  endedAt: string | null;
};

/** Runs started in the same millisecond keep the order they were written in. */
const insertionOrder = rowidOf(journeyRuns);

/**
 * The journeys a member is in or went through, newest first, with the journey and step names of
 * the version each run started on (ids where the version has no such journey or step).
 * @example listMemberJourneys({ ctx: { db }, input: { programId, memberId } })[0]
 * // { runId, journeyId: 'journey-welcome', journeyName: 'Welcome', stepId: 'pause', stepKind: 'wait', status: 'running', ... }
 */
export function listMemberJourneys({ ctx, input }: { ctx: { db: DbTx }; input: ListMemberJourneysInput }): MemberJourneyRun[] {
  const req = ListMemberJourneysInput.parse(input);
  const rows = ctx.db
    .select({
      runId: journeyRuns.id,
      versionId: journeyRuns.versionId,
      journeyId: journeyRuns.journeyId,
      stepId: journeyRuns.stepId,
      status: journeyRuns.status,
      variant: journeyRuns.variant,
      error: journeyRuns.error,
      startedAt: journeyRuns.startedAt,
      endedAt: journeyRuns.endedAt,
    })
    .from(journeyRuns)
    .where(and(eq(journeyRuns.memberId, req.memberId), eq(journeyRuns.programId, req.programId)))
    .orderBy(desc(journeyRuns.startedAt), desc(insertionOrder))
    .limit(req.limit)
    .all();
  const specs = new Map<string, ProgramSpec | undefined>();
  const specOf = (versionId: string) => {
    if (!specs.has(versionId)) specs.set(versionId, specOrNothing(ctx.db, versionId));
    return specs.get(versionId);
  };
  return rows.map(({ versionId, ...run }) => {
    const journey = specOf(versionId)?.journeys.find((j) => j.id === run.journeyId);
    const step = journey?.steps.find((s) => s.id === run.stepId);
    return {
      runId: run.runId,
      journeyId: run.journeyId,
      journeyName: journey?.name ?? run.journeyId,
      stepId: run.stepId,
      stepName: step?.name ?? null,
      stepKind: step?.kind ?? null,
      status: run.status,
      variant: run.variant,
      error: run.error,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
    };
  });
}

/** A version's spec; nothing when it cannot be read, so the list still shows with ids. */
function specOrNothing(db: DbTx, versionId: string): ProgramSpec | undefined {
  try {
    return runtimeOfVersion(db, versionId).spec;
  } catch {
    return undefined;
  }
}
