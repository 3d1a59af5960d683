import { and, eq, lte } from 'drizzle-orm';
import type { DbTx } from '../db';
import { ledgerLots } from '../db/schema';
import { releasePending } from '../ledger';
import { forEachInBatches } from './pace';

/**
 * Pending points whose return window is over become available: `releasePending` per member (one
 * short transaction each, `release:<lot>` ids), not one transaction over the whole program.
 * @example await releaseDuePending(db, { programId, at, batchSize: 200 }) // { members: 3, lots: 4, points: 610 }
 */
export async function releaseDuePending(db: DbTx, { programId, at, batchSize }: { programId: string; at: string; batchSize: number }) {
  const memberIds = db
    .selectDistinct({ memberId: ledgerLots.memberId })
    .from(ledgerLots)
    .where(and(eq(ledgerLots.status, 'pending'), lte(ledgerLots.availableAt, at), eq(ledgerLots.programId, programId)))
    .all()
    .map((r) => r.memberId);
  const out = { members: 0, lots: 0, points: 0 };
  await forEachInBatches(memberIds, batchSize, (memberId) => {
    const r = releasePending({ ctx: { db }, input: { programId, memberId, asOf: at } });
    if (r.released > 0) out.members += 1;
    out.lots += r.released;
    out.points += r.points;
  });
  return out;
}
