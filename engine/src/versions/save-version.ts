import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { programs, programVersions, staffUsers } from '../db/schema';
import { appendAudit } from '../audit/append-audit';
import { DomainError } from '../errors';
import { ProgramSpec } from '../spec';
import { canonicalJson, contentHash } from './canonical';

export const SaveVersionInput = z.object({
  programId: z.string().min(1),
  spec: z.unknown(),
  author: z.string().min(1),
  note: z.string().max(500).default(''),
  /** The version the editor started from; saving on top of a newer one is refused. */
  basedOn: z.string().nullable().optional(),
});
export type SaveVersionInput = z.input<typeof SaveVersionInput>;

export type SavedVersion = typeof programVersions.$inferSelect & { created: boolean };

/**
 * Saves a program spec as a new immutable version. Saving content identical to the
 * latest version returns that version instead of a duplicate.
 * Call inside or outside a transaction; it opens its own when needed.
 * @example const v = saveVersion({ ctx: { db }, input: { programId, spec, author: 'ana' } });
 */
export function saveVersion({ ctx, input }: { ctx: { db: DbTx }; input: SaveVersionInput }): SavedVersion {
  const { programId, spec, author, note, basedOn } = SaveVersionInput.parse(input);
  const parsed = ProgramSpec.safeParse(spec);
  if (!parsed.success) {
    throw new DomainError('invalid_input', 'The program is not valid and was not saved.', parsed.error.issues);
  }
  const json = canonicalJson(parsed.data);
  const hash = contentHash(parsed.data);

  return ctx.db.transaction((tx) => {
    const program = tx.select({ id: programs.id }).from(programs).where(eq(programs.id, programId)).get();
    if (!program) throw new DomainError('not_found', `Program '${programId}' does not exist.`);
    const latest = tx
      .select()
      .from(programVersions)
      .where(eq(programVersions.programId, programId))
      .orderBy(desc(programVersions.number))
      .limit(1)
      .get();
    if (basedOn !== undefined && (basedOn ?? null) !== (latest?.id ?? null)) {
      const by = latest ? (tx.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, latest.author)).get()?.name ?? latest.author) : 'someone';
      throw new DomainError(
        'conflict',
        `Version ${latest?.number} was saved by ${by} after you started editing. Reload it and apply your changes again.`,
      );
    }
    if (latest && latest.contentHash === hash) return { ...latest, created: false };
    const row = {
      id: randomUUID(),
      programId,
      number: (latest?.number ?? 0) + 1,
      parentId: latest?.id ?? null,
      contentHash: hash,
      spec: json,
      note,
      author,
      createdAt: new Date().toISOString(),
    };
    tx.insert(programVersions).values(row).run();
    appendAudit(tx, {
      actor: { type: author === 'system' ? 'system' : 'staff', id: author },
      action: 'version.saved',
      entityType: 'program-version',
      entityId: row.id,
      before: latest ? { versionId: latest.id, number: latest.number, contentHash: latest.contentHash } : undefined,
      after: { programId, number: row.number, contentHash: hash, note },
    });
    return { ...row, created: true };
  });
}
