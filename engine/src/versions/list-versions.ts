import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { programVersions, staffUsers } from '../db/schema';
import { parseInput } from './parse-input';
import { loadProgramRow, versionMetaColumns, type VersionMeta } from './version-rows';

export const ListVersionsInput = z.object({ programId: z.string().min(1) });
export type ListVersionsInput = z.input<typeof ListVersionsInput>;

/**
 * The versions of a program, newest first, without their content, with the author's display name.
 * @example listVersions({ ctx: { db }, input: { programId } })[0]?.number // the latest version number
 */
export function listVersions({ ctx, input }: { ctx: { db: DbTx }; input: ListVersionsInput }): (VersionMeta & { authorName: string })[] {
  const { programId } = parseInput(ListVersionsInput, input);
  loadProgramRow(ctx.db, programId);
  return ctx.db
    .select({ ...versionMetaColumns, staffName: staffUsers.displayName })
    .from(programVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, programVersions.author))
    .where(eq(programVersions.programId, programId))
    .orderBy(desc(programVersions.number))
    .all()
    // Authors are staff ids; 'system' marks versions the product made itself (templates, the demo).
    .map(({ staffName, ...meta }) => ({ ...meta, authorName: staffName ?? (meta.author === 'system' ? 'System' : meta.author) }));
}
