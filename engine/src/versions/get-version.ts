import { z } from 'zod';
import type { DbTx } from '../db';
import type { ProgramSpec } from '../spec';
import { parseInput } from './parse-input';
import { loadVersionRow, storedSpec, toMeta, type VersionMeta } from './version-rows';

export const GetVersionInput = z.object({ versionId: z.string().min(1) });
export type GetVersionInput = z.input<typeof GetVersionInput>;

export type VersionWithSpec = VersionMeta & { spec: ProgramSpec };

/**
 * One version: its metadata and its parsed program spec.
 * @example getVersion({ ctx: { db }, input: { versionId } }).spec.program.name
 */
export function getVersion({ ctx, input }: { ctx: { db: DbTx }; input: GetVersionInput }): VersionWithSpec {
  const { versionId } = parseInput(GetVersionInput, input);
  const row = loadVersionRow(ctx.db, versionId);
  return { ...toMeta(row), spec: storedSpec(row) };
}
