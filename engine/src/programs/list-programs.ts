import { desc, eq, sql } from 'drizzle-orm';
import type { DbTx } from '../db';
import { programs, programVersions } from '../db/schema';

/** Programs with their latest version number, newest first. */
export function listPrograms({ ctx }: { ctx: { db: DbTx } }) {
  return ctx.db
    .select({
      id: programs.id,
      name: programs.name,
      description: programs.description,
      templateId: programs.templateId,
      createdAt: programs.createdAt,
      latestVersion: sql<number | null>`max(${programVersions.number})`,
    })
    .from(programs)
    .leftJoin(programVersions, eq(programVersions.programId, programs.id))
    .groupBy(programs.id)
    .orderBy(desc(programs.createdAt))
    .all();
}
