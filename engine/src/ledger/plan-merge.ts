import { available, pending } from './accounts';
import { balanced, type LedgerPlan, type LotChange, type PlannedPosting } from './plan-types';
import type { LotView } from './plan-types';

/**
 * Moves every lot with points left from one member to another, keeping its dates
 * (earned, available, expires) so pending and expiry work as before. The source lot is
 * closed as `merged`; the new lot remembers it in `mergedFromLotId`.
 * @example planMerge({ transactionId: 'merge:a:b', fromMemberId: 'a', toMemberId: 'b', lots })
 * // per lot: available(a) -n, available(b) +n
 */
export function planMerge(input: {
  transactionId: string;
  fromMemberId: string;
  toMemberId: string;
  lots: readonly LotView[];
}): LedgerPlan {
  const { transactionId, fromMemberId, toMemberId } = input;
  const postings: PlannedPosting[] = [];
  const lots: LotChange[] = [];
  for (const lot of input.lots) {
    if ((lot.status !== 'pending' && lot.status !== 'available' && lot.status !== 'held') || lot.remaining === 0) continue;
    // A held lot stays held on the target: the review decides, not the merge.
    const account = lot.status === 'available' ? available : pending;
    const moved: LotView = { ...lot, id: `${transactionId}:${lot.id}`, memberId: toMemberId, points: lot.remaining };
    lots.push({ op: 'create', lot: moved, originTransactionId: transactionId, mergedFromLotId: lot.id });
    lots.push({ op: 'update', lotId: lot.id, remaining: 0, status: 'merged' });
    postings.push({ account: account(fromMemberId), amount: -lot.remaining, lotId: lot.id });
    postings.push({ account: account(toMemberId), amount: lot.remaining, lotId: moved.id });
  }
  return balanced({ postings, lots });
}
