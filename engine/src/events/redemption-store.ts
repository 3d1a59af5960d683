import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerBalances, rewardRedemptions } from '../db/schema';
import { DomainError } from '../errors';
import { releaseExpiredReservations } from '../ledger';
import type { MemberRow } from '../members';
import type { Reward } from '../spec';
import { eventFacts } from './event-facts';
import type { ProgramRuntime } from './program-runtime';
import { runtimeFor } from './program-runtime';
import { requireProgramMember } from './resolve-member';
import { checkReward } from './reward-rules';
import { returnStock, stockLeft } from './reward-stock';

export type RedemptionRow = typeof rewardRedemptions.$inferSelect;

/** Input shared by one-step redemption and reservation. */
export const RedeemRewardInput = z.object({
  programId: z.string().min(1),
  memberId: z.string().min(1),
  rewardId: z.string().min(1).max(100),
  /** The key's store, or 'member' for self-service. */
  storeId: z.string().min(1).max(100),
  basketTotal: z.number().min(0).max(10_000_000).optional().describe('Basket the reward is used on (checkout); enables the max-share rule'),
  occurredAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional(),
});
export type RedeemRewardInput = z.input<typeof RedeemRewardInput>;

/** What the API shows of a redemption. */
export type RedemptionView = {
  id: string;
  status: RedemptionRow['status'];
  rewardId: string;
  rewardName: string;
  points: number;
  memberId: string;
  versionId: string;
  code: string | null;
  holdExpiresAt: string | null;
  validUntil: string | null;
  available: number;
};

/** @example redemptionView(tx, row).available */
export function redemptionView(tx: DbTx, row: RedemptionRow): RedemptionView {
  const b = tx.select({ available: ledgerBalances.available }).from(ledgerBalances).where(eq(ledgerBalances.memberId, row.memberId)).get();
  return {
    id: row.id,
    status: row.status,
    rewardId: row.rewardId,
    rewardName: row.rewardName,
    points: row.points,
    memberId: row.memberId,
    versionId: row.versionId,
    code: row.code,
    holdExpiresAt: row.holdExpiresAt,
    validUntil: row.validUntil,
    available: b?.available ?? 0,
  };
}

/**
 * Loads member, version and reward for a redemption and applies the catalog and spending rules.
 * @throws DomainError: not_found (member or reward), conflict (out of stock), unprocessable (the rest, with a specific message).
 */
export function prepareRedemption(tx: DbTx, req: z.infer<typeof RedeemRewardInput>, at: string): { member: MemberRow; runtime: ProgramRuntime; reward: Reward } {
  const member = requireProgramMember(tx, req.programId, req.memberId);
  if (member.status !== 'active') throw new DomainError('unprocessable', `Member '${member.id}' is ${member.status}; they cannot redeem.`);
  const runtime = runtimeFor(tx, req.programId, member.id);
  const reward = runtime.spec.rewards.find((r) => r.id === req.rewardId);
  if (!reward) {
    const ids = runtime.spec.rewards.filter((r) => r.enabled).map((r) => `'${r.id}'`).join(', ');
    throw new DomainError('not_found', `There is no reward '${req.rewardId}' in the catalog; rewards are ${ids || 'not offered yet'}.`);
  }
  const balance = tx.select({ available: ledgerBalances.available }).from(ledgerBalances).where(eq(ledgerBalances.memberId, member.id)).get();
  const facts = eventFacts(tx, runtime, member, { kind: 'custom', name: 'redemption', at: Date.parse(at), total: req.basketTotal, storeId: req.storeId });
  const check = checkReward(runtime.spec, runtime.rewardConditions.get(reward.id), reward, {
    tierId: member.currentTierId ?? undefined,
    available: balance?.available ?? 0,
    stockLeft: stockLeft(tx, req.programId, reward),
    basketTotal: req.basketTotal,
    facts,
  });
  if (!check.ok) throw new DomainError(check.reason === 'out-of-stock' ? 'conflict' : 'unprocessable', check.message, { reason: check.reason, rewardId: reward.id });
  return { member, runtime, reward };
}

/** Voucher code of a voucher reward: its prefix and 8 random characters. */
export function voucherCode(reward: Reward): string | null {
  if (reward.offer.kind !== 'voucher') return null;
  const random = crypto.getRandomValues(new Uint8Array(8));
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `${reward.offer.codePrefix ?? 'RW'}-${[...random].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Gives back holds that lapsed by `at`: the ledger returns the points (`releaseExpiredReservations`)
 * and the reserved units go back to stock. Runs inside the redemption services' transactions, so
 * stock is right whenever someone asks for it; also usable from a scheduled job.
 * @example releaseLapsedRedemptions(tx, programId, new Date().toISOString()) // 1
 */
export function releaseLapsedRedemptions(tx: DbTx, programId: string, at: string): number {
  const due = tx
    .select()
    .from(rewardRedemptions)
    .where(and(eq(rewardRedemptions.programId, programId), eq(rewardRedemptions.status, 'reserved'), lte(rewardRedemptions.holdExpiresAt, at)))
    .all();
  if (due.length === 0) return 0;
  releaseExpiredReservations({ ctx: { db: tx }, input: { programId, asOf: at } });
  for (const r of due) {
    tx.update(rewardRedemptions).set({ status: 'lapsed', resolvedAt: at }).where(eq(rewardRedemptions.id, r.id)).run();
    returnStock(tx, programId, r.rewardId);
  }
  return due.length;
}

/**
 * A reservation made at this store (reservations of other stores are not revealed).
 * @throws DomainError('not_found')
 */
export function requireReservation(tx: DbTx, programId: string, storeId: string, id: string): RedemptionRow {
  const row = tx.select().from(rewardRedemptions).where(eq(rewardRedemptions.id, id)).get();
  if (!row || row.programId !== programId || row.storeId !== storeId || row.holdExpiresAt === null) {
    throw new DomainError('not_found', `There is no reservation '${id}' at store '${storeId}'.`);
  }
  return row;
}
