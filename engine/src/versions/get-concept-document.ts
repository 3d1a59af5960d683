import { z } from 'zod';
import type { DbTx } from '../db';
import { conceptDocument, type ConceptDocument } from './concept-document';
import { parseInput } from './parse-input';
import { loadVersionRow, storedSpec, toMeta, type VersionMeta } from './version-rows';

export const GetConceptDocumentInput = z.object({ versionId: z.string().min(1) });
export type GetConceptDocumentInput = z.input<typeof GetConceptDocumentInput>;

/**
 * The concept document of a saved version (Markdown and HTML), with the version's number,
 * hash prefix, author and date.
 * @example getConceptDocument({ ctx: { db }, input: { versionId } }).html
 */
export function getConceptDocument({ ctx, input }: { ctx: { db: DbTx }; input: GetConceptDocumentInput }): ConceptDocument & { version: VersionMeta } {
  const { versionId } = parseInput(GetConceptDocumentInput, input);
  const row = loadVersionRow(ctx.db, versionId);
  const version = toMeta(row);
  return { ...conceptDocument(storedSpec(row), version), version };
}
