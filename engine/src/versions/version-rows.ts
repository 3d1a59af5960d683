import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { programs, programVersions } from '../db/schema';
import { DomainError } from '../errors';
import { ProgramSpec } from '../spec';

type VersionRow = typeof programVersions.$inferSelect;

/** What is known about a version without its content. */
export type VersionMeta = Omit<VersionRow, 'spec'>;

/** Columns of {@link VersionMeta}, for selects that skip the (large) spec. */
export const versionMetaColumns = {
  id: programVersions.id,
  programId: programVersions.programId,
  number: programVersions.number,
  parentId: programVersions.parentId,
  contentHash: programVersions.contentHash,
  note: programVersions.note,
  author: programVersions.author,
  createdAt: programVersions.createdAt,
};

/** A version row without its spec. */
export function toMeta(row: VersionRow): VersionMeta {
  const { spec: _spec, ...meta } = row;
  return meta;
}

/**
 * Loads a version row or fails with not_found.
 * @example const row = loadVersionRow(db, versionId);
 */
export function loadVersionRow(db: DbTx, versionId: string): VersionRow {
  const row = db.select().from(programVersions).where(eq(programVersions.id, versionId)).get();
  if (!row) throw new DomainError('not_found', `Version '${versionId}' does not exist.`);
  return row;
}

/** Fails with not_found unless the program exists; returns its row. */
export function loadProgramRow(db: DbTx, programId: string) {
  const row = db.select().from(programs).where(eq(programs.id, programId)).get();
  if (!row) throw new DomainError('not_found', `Program '${programId}' does not exist.`);
  return row;
}

/**
 * The spec stored in a version. Versions were valid when saved; if the spec format has moved on
 * since, the version cannot be read as the current format and the error says so.
 */
export function storedSpec(row: Pick<VersionRow, 'spec' | 'number'>): ProgramSpec {
  const parsed = ProgramSpec.safeParse(JSON.parse(row.spec));
  if (!parsed.success) {
    throw new DomainError('unprocessable', `Version ${row.number} cannot be read with the current spec format.`, parsed.error.issues);
  }
  return parsed.data;
}
