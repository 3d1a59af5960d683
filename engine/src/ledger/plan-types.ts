import type { LedgerAccountKind, LotStatus } from '../db/schema';

/** A lot as the pure planners see it (ISO timestamps as strings). */
export type LotView = {
  id: string;
  memberId: string;
  points: number;
  remaining: number;
  status: LotStatus;
  earnedAt: string;
  availableAt: string;
  expiresAt: string | null;
};

/** An account named by its owner and kind; `accountId` turns it into a row id. */
export type AccountRef = { kind: LedgerAccountKind; memberId?: string };

/** One signed movement of points. */
export type PlannedPosting = { account: AccountRef; amount: number; lotId?: string };

/** A lot to create, or the new state of an existing one. */
export type LotChange =
  | { op: 'create'; lot: LotView; originTransactionId: string; mergedFromLotId?: string }
  | { op: 'update'; lotId: string; remaining: number; status: LotStatus };

/**
 * What one ledger transaction writes: postings that sum to zero and the lot projection changes.
 * Balance deltas are derived from the postings when the plan is applied.
 */
export type LedgerPlan = { postings: PlannedPosting[]; lots: LotChange[] };

/** Sum of a plan's postings; zero for every valid plan. */
export function postingsTotal(plan: LedgerPlan): number {
  return plan.postings.reduce((sum, p) => sum + p.amount, 0);
}

/** Drops zero postings and checks the books balance; planners end with it. */
export function balanced(plan: LedgerPlan): LedgerPlan {
  const postings = plan.postings.filter((p) => p.amount !== 0);
  const total = postings.reduce((sum, p) => sum + p.amount, 0);
  if (total !== 0) throw new Error(`ledger plan does not balance: postings sum to ${total}`);
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amount)) throw new Error(`ledger posting amount ${p.amount} is not an integer`);
  }
  return { postings, lots: plan.lots };
}
