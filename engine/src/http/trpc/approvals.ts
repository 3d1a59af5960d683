import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  commentOnReview,
  CommentOnReviewInput,
  decideVersion,
  listReviews,
  ListReviewsInput,
  listVersionStatuses,
  ListVersionStatusesInput,
  reviewState,
  ReviewStateInput,
  submitVersion,
  SubmitVersionInput,
  type TemporalWorkflows,
} from '../../approvals';
import { router, staffProcedure } from './init';

/**
 * The Temporal client, or 503 while the engine is still connecting.
 * @example const temporal = requireTemporal(ctx);
 */
export function requireTemporal(ctx: { temporal?: TemporalWorkflows | undefined }): TemporalWorkflows {
  if (!ctx.temporal) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Workflows are not available yet (Temporal is still connecting); try again in a moment.' });
  return ctx.temporal;
}

const Decision = z.object({ versionId: z.string().min(1), role: z.string().min(1).optional(), comment: z.string().trim().max(2000).default('') }).strict();
const Rejection = Decision.extend({ comment: z.string().trim().min(1, { error: 'say why the version is rejected' }).max(2000) });

export const approvalsRouter = router({
  /** Submits a draft version for approval; a pending review of an older version is superseded. */
  submit: staffProcedure('versions.submit')
    .input(SubmitVersionInput)
    .mutation(({ ctx, input }) => submitVersion({ ctx: { db: ctx.db, temporal: requireTemporal(ctx), principal: ctx.principal }, input })),
  /** Approves the version in one of the caller's approver roles (never one they wrote). */
  approve: staffProcedure('versions.approve')
    .input(Decision)
    .mutation(({ ctx, input }) => decideVersion({ ctx: { db: ctx.db, temporal: requireTemporal(ctx), principal: ctx.principal }, input: { ...input, decision: 'approve' } })),
  /** Rejects the version, with the reason. */
  reject: staffProcedure('versions.approve')
    .input(Rejection)
    .mutation(({ ctx, input }) => decideVersion({ ctx: { db: ctx.db, temporal: requireTemporal(ctx), principal: ctx.principal }, input: { ...input, decision: 'reject' } })),
  /** A reviewer's comment on the open review. */
  comment: staffProcedure('versions.approve')
    .input(CommentOnReviewInput)
    .mutation(({ ctx, input }) => commentOnReview({ ctx: { db: ctx.db, temporal: requireTemporal(ctx), principal: ctx.principal }, input })),
  /** The author's (or another marketer's) answer on the open review. */
  reply: staffProcedure('versions.submit')
    .input(CommentOnReviewInput)
    .mutation(({ ctx, input }) => commentOnReview({ ctx: { db: ctx.db, temporal: requireTemporal(ctx), principal: ctx.principal }, input })),
  /** Reviews with their history, from SQLite (works without Temporal). */
  list: staffProcedure('programs.read').input(ListReviewsInput).query(({ ctx, input }) => listReviews({ ctx, input })),
  /** The live state of the program's latest review (asks the workflow). */
  state: staffProcedure('programs.read').input(ReviewStateInput).query(({ ctx, input }) => reviewState({ ctx: { temporal: requireTemporal(ctx) }, input })),
  /** Each version's status (draft, in review, approved, ... active, retired) with its history. */
  statuses: staffProcedure('programs.read').input(ListVersionStatusesInput).query(({ ctx, input }) => listVersionStatuses({ ctx, input })),
});
