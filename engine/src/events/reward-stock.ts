import { and, eq, sql } from 'drizzle-orm';
import type { DbTx } from '../db';
import { rewardStock } from '../db/schema';
import { DomainError } from '../errors';
import type { Reward } from '../spec';

/**
 * Units of a reward left, or null when the reward has unlimited stock. The catalog's `stock` is
 * the total; when a new version changes it, the difference is added to (or taken from) what is left.
 * @example stockLeft(db, programId, reward) // 2499
 */
export function stockLeft(tx: DbTx, programId: string, reward: Reward): number | null {
  if (reward.stock === undefined) return null;
  const row = tx.select().from(rewardStock).where(and(eq(rewardStock.programId, programId), eq(rewardStock.rewardId, reward.id))).get();
  return row ? Math.max(0, row.remaining + (reward.stock - row.total)) : reward.stock;
}

/**
 * Takes one unit in the caller's transaction; never below 0 (a conflict when none is left, and
 * a CHECK constraint behind it). Unlimited rewards are not counted.
 * @example takeStock(tx, programId, reward)
 */
export function takeStock(tx: DbTx, programId: string, reward: Reward): void {
  if (reward.stock === undefined) return;
  const left = stockLeft(tx, programId, reward);
  if (left !== null && left <= 0) throw new DomainError('conflict', `Reward '${reward.name}' is out of stock.`, { rewardId: reward.id });
  tx.insert(rewardStock)
    .values({ programId, rewardId: reward.id, total: reward.stock, remaining: reward.stock - 1 })
    .onConflictDoUpdate({
      target: [rewardStock.programId, rewardStock.rewardId],
      set: { remaining: sql`${rewardStock.remaining} + (${reward.stock} - ${rewardStock.total}) - 1`, total: reward.stock },
    })
    .run();
}

/** Gives a unit back (a cancelled or lapsed reservation). @example returnStock(tx, programId, 'reward-tote-bag') */
export function returnStock(tx: DbTx, programId: string, rewardId: string): void {
  tx.update(rewardStock)
    .set({ remaining: sql`${rewardStock.remaining} + 1` })
    .where(and(eq(rewardStock.programId, programId), eq(rewardStock.rewardId, rewardId)))
    .run();
}
