import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { systemSettings } from '../db/schema';
import { recordRelease } from '../releases/activate-version';
import { createProgram } from './create-program';

const SEEDED_KEY = 'demo_program_seeded';

/**
 * Creates the demo program on the first start only. The marker is written in the
 * same transaction, so a crash cannot leave a demo without it (or seed twice), and
 * deleting the demo later does not bring it back. Its first version is activated.
 * @returns the new program id, or undefined when the demo was seeded before.
 */
export function seedDemoProgram({ ctx, input }: { ctx: { db: DbTx }; input: { templateId: string; spec: unknown } }) {
  return ctx.db.transaction((tx) => {
    const seeded = tx.select().from(systemSettings).where(eq(systemSettings.key, SEEDED_KEY)).get();
    if (seeded) return undefined;
    const { programId, version } = createProgram({
      ctx: { db: tx },
      input: { spec: input.spec, author: 'system', templateId: input.templateId },
    });
    // The demo runs at once, so the API answers for it out of the box.
    recordRelease({ ctx: { db: tx, actor: { type: 'system', id: 'seed' } }, input: { programId, versionId: version.id, reason: 'Demo program activated on first start' } });
    tx.insert(systemSettings).values({ key: SEEDED_KEY, value: programId }).run();
    return programId;
  });
}
