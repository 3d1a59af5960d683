import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { programVersions } from '../db/schema';
import { parseInput } from './parse-input';
import { loadProgramRow, storedSpec, toMeta } from './version-rows';

export const GetProgramInput = z.object({ programId: z.string().min(1) });
export type GetProgramInput = z.input<typeof GetProgramInput>;

/**
 * A program with its latest version (metadata and spec): what the editor opens.
 * `latest` is null only for a program whose first version was never saved.
 * @example getProgram({ ctx: { db }, input: { programId } }).latest?.spec.tiers
 */
export function getProgram({ ctx, input }: { ctx: { db: DbTx }; input: GetProgramInput }) {
  const { programId } = parseInput(GetProgramInput, input);
  const program = loadProgramRow(ctx.db, programId);
  const row = ctx.db
    .select()
    .from(programVersions)
    .where(eq(programVersions.programId, programId))
    .orderBy(desc(programVersions.number))
    .limit(1)
    .get();
  return { ...program, latest: row ? { ...toMeta(row), spec: storedSpec(row) } : null };
}
