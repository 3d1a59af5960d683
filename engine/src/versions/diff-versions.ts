import { z } from 'zod';
import type { DbTx } from '../db';
import { DomainError } from '../errors';
import { diffPrograms, type ProgramChange } from './diff';
import { parseInput } from './parse-input';
import { loadVersionRow, storedSpec, toMeta, type VersionMeta } from './version-rows';

export const DiffVersionsInput = z.object({
  versionId: z.string().min(1).describe('The newer version'),
  baseVersionId: z.string().min(1).optional().describe('The version to compare with; its parent when empty'),
});
export type DiffVersionsInput = z.input<typeof DiffVersionsInput>;

export type VersionDiff = { base: VersionMeta | null; version: VersionMeta; changes: ProgramChange[] };

/**
 * What changed from one version of a program to another; without `baseVersionId`, from the
 * version's parent. The first version has no parent: `base` is null and there are no changes.
 * @example diffVersions({ ctx: { db }, input: { versionId } }).changes.map((c) => c.message)
 */
export function diffVersions({ ctx, input }: { ctx: { db: DbTx }; input: DiffVersionsInput }): VersionDiff {
  const { versionId, baseVersionId } = parseInput(DiffVersionsInput, input);
  const row = loadVersionRow(ctx.db, versionId);
  const baseId = baseVersionId ?? row.parentId;
  if (!baseId) return { base: null, version: toMeta(row), changes: [] };
  const baseRow = loadVersionRow(ctx.db, baseId);
  if (baseRow.programId !== row.programId) {
    throw new DomainError('invalid_input', 'Both versions must belong to the same program.', [
      { path: ['baseVersionId'], message: `version '${baseId}' belongs to another program` },
    ]);
  }
  return { base: toMeta(baseRow), version: toMeta(row), changes: diffPrograms(storedSpec(baseRow), storedSpec(row)) };
}
