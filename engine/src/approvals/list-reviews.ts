import { asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { reviewEvents, versionReviews } from '../db/schema/approvals';
import type { ScenarioGateResult } from './contract';

export const ListReviewsInput = z.object({ programId: z.string().min(1), limit: z.number().int().min(1).max(200).default(50) });
export type ListReviewsInput = z.input<typeof ListReviewsInput>;

/**
 * Reviews of a program, newest first, each with its history, read from SQLite (no Temporal needed).
 * @example listReviews({ ctx: { db }, input: { programId } })[0].events.map((e) => e.kind) // ['submitted', 'scenarios', 'approved', 'decided']
 */
export function listReviews({ ctx, input }: { ctx: { db: DbTx }; input: ListReviewsInput }) {
  const { programId, limit } = ListReviewsInput.parse(input);
  const reviews = ctx.db.select().from(versionReviews).where(eq(versionReviews.programId, programId)).orderBy(desc(versionReviews.openedAt)).limit(limit).all();
  const events = reviews.length
    ? ctx.db.select().from(reviewEvents).where(inArray(reviewEvents.reviewId, reviews.map((r) => r.id))).orderBy(asc(reviewEvents.seq)).all()
    : [];
  return reviews.map((r) => ({
    ...r,
    requiredRoles: JSON.parse(r.requiredRoles) as string[],
    scenarioGate: r.scenarioGate ? (JSON.parse(r.scenarioGate) as ScenarioGateResult) : null,
    events: events.filter((e) => e.reviewId === r.id).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })),
  }));
}
