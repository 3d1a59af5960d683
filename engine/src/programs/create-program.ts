import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DbTx } from '../db';
import { appendAudit } from '../audit/append-audit';
import { programs } from '../db/schema';
import { saveVersion } from '../versions/save-version';

export const CreateProgramInput = z.object({
  spec: z.unknown(),
  author: z.string().min(1),
  templateId: z.string().optional(),
});
export type CreateProgramInput = z.input<typeof CreateProgramInput>;

/**
 * Creates a program with its first version, in one transaction.
 * @example createProgram({ ctx: { db }, input: { spec: blankProgram('Coffee club'), author: 'ana' } })
 */
export function createProgram({ ctx, input }: { ctx: { db: DbTx }; input: CreateProgramInput }) {
  const { spec, author, templateId } = CreateProgramInput.parse(input);
  return ctx.db.transaction((tx) => {
    const id = randomUUID();
    const settings = (spec as { program?: { name?: unknown; description?: unknown } } | null)?.program;
    tx.insert(programs)
      .values({
        id,
        name: typeof settings?.name === 'string' ? settings.name : 'Untitled program',
        description: typeof settings?.description === 'string' ? settings.description : '',
        templateId: templateId ?? null,
        createdBy: author,
        createdAt: new Date().toISOString(),
      })
      .run();
    appendAudit(tx, {
      actor: { type: author === 'system' ? 'system' : 'staff', id: author },
      action: 'program.created',
      entityType: 'program',
      entityId: id,
      after: { templateId: templateId ?? null },
    });
    const version = saveVersion({ ctx: { db: tx }, input: { programId: id, spec, author, note: 'Created' } });
    return { programId: id, version };
  });
}
