import { z } from 'zod';
import { controlRollout, listRollouts, ListRolloutsInput, rolloutState, RolloutStateInput, startRollout, StartRolloutInput } from '../../rollouts';
import { requireTemporal } from './approvals';
import { router, staffProcedure, type TrpcContext } from './init';
import type { StaffPrincipal } from '../../auth/sessions';

const Control = z.object({ versionId: z.string().min(1), reason: z.string().trim().max(300).optional() }).strict();
type Ctx = TrpcContext & { principal: StaffPrincipal };
const steer = (action: 'pause' | 'resume' | 'promote' | 'abort') => (opts: { ctx: Ctx; input: z.infer<typeof Control> }) =>
  controlRollout({ ctx: { db: opts.ctx.db, temporal: requireTemporal(opts.ctx), principal: opts.ctx.principal }, input: { ...opts.input, action } });

export const rolloutsRouter = router({
  /** Starts the staged rollout of an approved version (default: test members, 5 %, 25 %, 100 %). */
  start: staffProcedure('rollouts.manage')
    .input(StartRolloutInput)
    .mutation(({ ctx, input }) => startRollout({ ctx: { db: ctx.db, temporal: requireTemporal(ctx), principal: ctx.principal }, input })),
  /** Holds the current stage; paused time does not count towards the stage's duration. */
  pause: staffProcedure('rollouts.manage').input(Control).mutation(steer('pause')),
  resume: staffProcedure('rollouts.manage').input(Control).mutation(steer('resume')),
  /** Moves to the next stage now (from the last stage: completes the rollout). */
  promote: staffProcedure('rollouts.manage').input(Control).mutation(steer('promote')),
  /** Sends everyone back to the old version. */
  abort: staffProcedure('rollouts.manage').input(Control).mutation(steer('abort')),
  /** Rollouts with their full history, from SQLite (works without Temporal). */
  list: staffProcedure('programs.read').input(ListRolloutsInput).query(({ ctx, input }) => listRollouts({ ctx, input })),
  /** The live state of a version's rollout (asks the workflow). */
  state: staffProcedure('programs.read').input(RolloutStateInput).query(({ ctx, input }) => rolloutState({ ctx: { temporal: requireTemporal(ctx) }, input })),
});
