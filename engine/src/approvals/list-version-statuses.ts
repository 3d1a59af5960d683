import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { programVersions } from '../db/schema/program-versions';
import { versionStatus, versionStatusEvents } from '../db/schema/approvals';
import { currentRelease } from '../releases/current-release';

export const ListVersionStatusesInput = z.object({ programId: z.string().min(1) }).strict();
export type ListVersionStatusesInput = z.input<typeof ListVersionStatusesInput>;

/**
 * Every version of a program with its status and status history. A version that runs for everyone
 * but never went through approval (e.g. the first, activated on creation) shows as active.
 * @example listVersionStatuses({ ctx: { db }, input: { programId } }) // [{ number: 1, status: 'retired', history: [...] }, ...]
 */
export function listVersionStatuses({ ctx, input }: { ctx: { db: DbTx }; input: ListVersionStatusesInput }) {
  const { programId } = ListVersionStatusesInput.parse(input);
  const versions = ctx.db
    .select({ versionId: programVersions.id, number: programVersions.number, status: versionStatus.status, since: versionStatus.since, reason: versionStatus.reason })
    .from(programVersions)
    .leftJoin(versionStatus, eq(versionStatus.versionId, programVersions.id))
    .where(eq(programVersions.programId, programId))
    .orderBy(asc(programVersions.number))
    .all();
  const history = ctx.db.select().from(versionStatusEvents).where(eq(versionStatusEvents.programId, programId)).orderBy(asc(versionStatusEvents.seq)).all();
  const running = currentRelease(ctx.db, programId);
  return versions.map((v) => ({
    ...v,
    status: v.status ?? (running?.versionId === v.versionId ? ('active' as const) : ('draft' as const)),
    history: history.filter((h) => h.versionId === v.versionId),
  }));
}
