import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ReviewCtx } from '../approvals/submit-version';
import { fromTemporal } from '../approvals/temporal-errors';
import { versionStatusOf } from '../approvals/version-status';
import { rollouts } from '../db/schema/rollouts';
import { DomainError } from '../errors';
import { currentRelease } from '../releases/current-release';
import { loadVersionRow } from '../versions/version-rows';
import { ROLLOUT_WORKFLOW, rolloutWorkflowId, type RolloutInput } from './contract';
import { launchFirstVersion } from './launch-first-version';
import { defaultStages, GuardrailsInput, planProblems, StageInput } from './plan';

export const StartRolloutInput = z
  .object({
    versionId: z.string().min(1),
    /** Internal test members who get the version first (the default plan's first stage). */
    testMembers: z.array(z.string().min(1)).max(1000).default([]),
    stages: z.array(StageInput).min(1).max(20).optional(),
    guardrails: GuardrailsInput.partial().optional(),
    forecast: z.object({ pointsPerPurchase: z.number().positive().nullable() }).optional(),
  })
  .strict();
export type StartRolloutInput = z.input<typeof StartRolloutInput>;

/**
 * Starts the staged rollout of an approved version. Refused unless the version is approved (or was
 * rolled back) and no other rollout is under way. When no version runs yet, the first one is
 * launched for everyone at once (there is no control group to stage against).
 * The workflow id is per version: starting it twice is refused, not duplicated.
 * @example await startRollout({ ctx, input: { versionId, testMembers: ['m-staff-1'], forecast: { pointsPerPurchase: 12 } } })
 */
export async function startRollout({ ctx, input }: { ctx: ReviewCtx; input: StartRolloutInput }) {
  const req = StartRolloutInput.parse(input);
  const row = loadVersionRow(ctx.db, req.versionId);
  const status = versionStatusOf(ctx.db, req.versionId);
  if (status !== 'approved' && status !== 'rolled-back') {
    throw new DomainError('conflict', `Version ${row.number} is ${status}; only an approved version can be rolled out.`);
  }
  const release = currentRelease(ctx.db, row.programId);
  if (!release) return launchFirstVersion(ctx.db, { programId: row.programId, versionId: row.id, versionNumber: row.number }, ctx.principal);
  const running = ctx.db
    .select({ id: rollouts.id })
    .from(rollouts)
    .where(and(eq(rollouts.programId, row.programId), inArray(rollouts.status, ['running', 'paused'])))
    .get();
  if (running || release.canaryVersionId) throw new DomainError('conflict', 'Another rollout of this program is under way; finish or abort it first.');
  if (release.versionId === row.id) throw new DomainError('conflict', `Version ${row.number} already runs for everyone.`);
  const stages = req.stages?.map((s) => StageInput.parse(s)) ?? defaultStages(req.testMembers);
  const problems = planProblems(stages);
  if (problems.length) throw new DomainError('invalid_input', problems.join(' '));
  const workflowInput: RolloutInput = {
    rolloutId: randomUUID(),
    programId: row.programId,
    versionId: row.id,
    versionNumber: row.number,
    fromVersionId: release.versionId,
    stages,
    guardrails: GuardrailsInput.parse(req.guardrails ?? {}),
    forecast: req.forecast ?? { pointsPerPurchase: null },
    startedBy: { userId: ctx.principal.userId, displayName: ctx.principal.displayName },
  };
  const workflowId = rolloutWorkflowId(row.id);
  try {
    await ctx.temporal.client.workflow.start(ROLLOUT_WORKFLOW, { workflowId, taskQueue: ctx.temporal.taskQueue, args: [workflowInput] });
  } catch (error) {
    throw fromTemporal(error, 'The rollout workflow could not be started.');
  }
  return { launched: false as const, workflowId, rolloutId: workflowInput.rolloutId, stages };
}
