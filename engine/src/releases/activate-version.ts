import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit, type AuditActor } from '../audit/append-audit';
import type { DbTx } from '../db';
import { programReleases } from '../db/schema/releases';
import { programVersions } from '../db/schema/program-versions';
import { DomainError } from '../errors';
import { currentRelease } from './current-release';

export const ReleaseInput = z.object({
  programId: z.string().min(1),
  versionId: z.string().min(1),
  canaryVersionId: z.string().min(1).nullable().default(null),
  canaryShare: z.number().int().min(0).max(10_000).default(0),
  canaryMembers: z.array(z.string().min(1)).max(1000).default([]),
  reason: z.string().min(1).max(300),
});
export type ReleaseInput = z.input<typeof ReleaseInput>;

/**
 * Records which version(s) run from now on. Used to activate a version outright and by
 * rollouts for every stage, pause, promotion and rollback.
 * @example recordRelease({ ctx: { db, actor }, input: { programId, versionId, reason: 'Initial activation' } })
 */
export function recordRelease({ ctx, input }: { ctx: { db: DbTx; actor: AuditActor }; input: ReleaseInput }) {
  const data = ReleaseInput.parse(input);
  return ctx.db.transaction((tx) => {
    for (const id of [data.versionId, data.canaryVersionId]) {
      if (id && !tx.select({ id: programVersions.id }).from(programVersions).where(and(eq(programVersions.id, id), eq(programVersions.programId, data.programId))).get()) {
        throw new DomainError('not_found', `Version '${id}' is not a version of this program.`);
      }
    }
    const before = currentRelease(tx, data.programId);
    const row = {
      programId: data.programId,
      versionId: data.versionId,
      canaryVersionId: data.canaryVersionId,
      canaryShare: data.canaryVersionId ? data.canaryShare : 0,
      canaryMembers: JSON.stringify(data.canaryMembers),
      reason: data.reason,
      actor: ctx.actor.id,
      at: new Date().toISOString(),
    };
    const inserted = tx.insert(programReleases).values(row).returning().get();
    appendAudit(tx, {
      actor: ctx.actor,
      action: 'release.recorded',
      entityType: 'program',
      entityId: data.programId,
      before: before ? { versionId: before.versionId, canaryVersionId: before.canaryVersionId, canaryShare: before.canaryShare } : undefined,
      after: { versionId: row.versionId, canaryVersionId: row.canaryVersionId, canaryShare: row.canaryShare },
      reason: data.reason,
    });
    return inserted;
  });
}
