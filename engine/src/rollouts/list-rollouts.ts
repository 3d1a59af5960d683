import { asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { rolloutEvents, rollouts } from '../db/schema/rollouts';
import type { GuardrailCheck, RolloutStage } from './contract';

export const ListRolloutsInput = z.object({ programId: z.string().min(1), limit: z.number().int().min(1).max(200).default(50) });
export type ListRolloutsInput = z.input<typeof ListRolloutsInput>;

/**
 * Rollouts of a program, newest first, each with its full history, read from SQLite.
 * @example listRollouts({ ctx: { db }, input: { programId } })[0].events.map((e) => e.kind) // ['started', 'stage', ...]
 */
export function listRollouts({ ctx, input }: { ctx: { db: DbTx }; input: ListRolloutsInput }) {
  const { programId, limit } = ListRolloutsInput.parse(input);
  const rows = ctx.db.select().from(rollouts).where(eq(rollouts.programId, programId)).orderBy(desc(rollouts.startedAt)).limit(limit).all();
  const events = rows.length
    ? ctx.db.select().from(rolloutEvents).where(inArray(rolloutEvents.rolloutId, rows.map((r) => r.id))).orderBy(asc(rolloutEvents.seq)).all()
    : [];
  return rows.map((r) => ({
    ...r,
    stages: JSON.parse(r.stages) as RolloutStage[],
    guardrails: JSON.parse(r.guardrails) as Record<string, unknown>,
    lastCheck: r.lastCheck ? (JSON.parse(r.lastCheck) as GuardrailCheck) : null,
    events: events.filter((e) => e.rolloutId === r.id).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })),
  }));
}
