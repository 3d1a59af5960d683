import type { Expiry } from '../spec';
import { available, program } from './accounts';
import { isInactive, isPastExpiry } from './expiry-dates';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

export type PlanExpireInput = {
  memberId: string;
  lots: readonly LotView[];
  asOf: string;
  expiry: Expiry;
  /** Last earn or spend of the member; used by the inactivity policy. */
  lastActivityAt: string | null;
};

/**
 * Expires what the policy says is gone at `asOf`:
 * - `rolling` and `end-of-period`: every available lot whose expiry date is at or before `asOf`
 *   (the date was fixed when the lot was earned);
 * - `inactivity`: every available lot once the member had no earn or spend for `months`;
 * - `none`: nothing, except lots that carry their own date (e.g. a dated manual adjustment).
 * Pending lots never expire: they are recent by definition.
 * @example planExpire({ memberId: 'm1', lots, asOf: '2026-01-01T00:00:00.000Z', expiry, lastActivityAt })
 * // available -30 (lot A), program-expired +30
 */
export function planExpire(input: PlanExpireInput): LedgerPlan {
  const { memberId, asOf, expiry } = input;
  const inactive = expiry.kind === 'inactivity' && isInactive(input.lastActivityAt, expiry.months, asOf);
  const due = input.lots.filter(
    (l) => l.status === 'available' && l.remaining > 0 && (inactive || isPastExpiry(l, asOf)),
  );
  const total = due.reduce((s, l) => s + l.remaining, 0);
  return balanced({
    postings: [
      ...due.map((l) => ({ account: available(memberId), amount: -l.remaining, lotId: l.id })),
      { account: program('program-expired'), amount: total },
    ],
    lots: due.map((l) => ({ op: 'update' as const, lotId: l.id, remaining: 0, status: 'expired' as const })),
  });
}
