import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { programVersions } from '../db/schema';
import { parseInput } from './parse-input';
import { loadProgramRow, versionMetaColumns, type VersionMeta } from './version-rows';

export const ListVersionsInput = z.object({ programId: z.string().min(1) });
export type ListVersionsInput = z.input<typeof ListVersionsInput>;

/**
 * The versions of a program, newest first, without their content.
 * @example listVersions({ ctx: { db }, input: { programId } })[0]?.number // the latest version number
 */
export function listVersions({ ctx, input }: { ctx: { db: DbTx }; input: ListVersionsInput }): VersionMeta[] {
  const { programId } = parseInput(ListVersionsInput, input);
  loadProgramRow(ctx.db, programId);
  return ctx.db
    .select(versionMetaColumns)
    .from(programVersions)
    .where(eq(programVersions.programId, programId))
    .orderBy(desc(programVersions.number))
    .all();
}
