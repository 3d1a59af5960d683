import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerBalances, ledgerLots } from '../db/schema';
import { Expiry } from '../spec';
import { applyPlan } from './apply-plan';
import { EntityId, nowIso, Timestamp, WRITE_TRANSACTION } from './common-input';
import { addDays, addMonths } from './expiry-dates';
import { requestHash } from './idempotency';
import { loadOpenLots, loadTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planExpire } from './plan-expire';

export const ExpirePointsInput = z.object({
  programId: EntityId,
  /** The program's policy (from the version that runs). */
  expiry: Expiry,
  memberId: EntityId.optional(),
  asOf: Timestamp.optional(),
});
export type ExpirePointsInput = z.input<typeof ExpirePointsInput>;

/**
 * Expires points as of a date, one `expire` transaction per member with id
 * `expire:<member>:<asOf>` (running the same date again writes nothing) and a `points-expired` event.
 * @example expirePoints({ ctx: { db }, input: { programId, expiry: { kind: 'rolling', months: 24 }, asOf: '2026-01-01T00:00:00Z' } })
 * // { members: 3, points: 420 }
 */
export function expirePoints({ ctx, input }: { ctx: { db: DbTx }; input: ExpirePointsInput }) {
  const req = ExpirePointsInput.parse(input);
  const at = req.asOf ?? nowIso();
  return ctx.db.transaction((tx) => {
    let members = 0;
    let points = 0;
    for (const memberId of candidates(tx, req.programId, req.expiry, at, req.memberId)) {
      const transactionId = `expire:${memberId}:${at}`;
      if (loadTransaction(tx, transactionId)) continue;
      const balance = tx.select().from(ledgerBalances).where(eq(ledgerBalances.memberId, memberId)).get();
      const plan = planExpire({ memberId, lots: loadOpenLots(tx, memberId), asOf: at, expiry: req.expiry, lastActivityAt: balance?.lastActivityAt ?? null });
      if (plan.postings.length === 0) continue;
      const expired = plan.lots.length;
      const total = plan.postings.reduce((s, p) => s + (p.account.kind === 'program-expired' ? p.amount : 0), 0);
      applyPlan(tx, {
        id: transactionId,
        kind: 'expire',
        programId: req.programId,
        memberId,
        occurredAt: at,
        requestHash: requestHash('expire', { memberId, asOf: at, expiry: req.expiry }),
        metadata: { policy: req.expiry.kind, lots: expired },
      }, plan);
      writeOutboxEvent(tx, {
        id: `${transactionId}:points-expired`,
        type: 'points-expired',
        programId: req.programId,
        memberId,
        payload: { points: total, asOf: at, policy: req.expiry.kind },
      });
      members += 1;
      points += total;
    }
    return { members, points };
  }, WRITE_TRANSACTION);
}

/** Members who may have something to expire: dated lots due, or inactive with points. */
function candidates(tx: DbTx, programId: string, expiry: Expiry, at: string, memberId?: string): string[] {
  const byMember = memberId ? eq(ledgerLots.memberId, memberId) : undefined;
  const dated = tx
    .selectDistinct({ memberId: ledgerLots.memberId })
    .from(ledgerLots)
    .where(and(eq(ledgerLots.programId, programId), eq(ledgerLots.status, 'available'), gt(ledgerLots.remaining, 0), isNotNull(ledgerLots.expiresAt), lte(ledgerLots.expiresAt, at), byMember))
    .all()
    .map((r) => r.memberId);
  if (expiry.kind !== 'inactivity') return dated;
  // A few days of slack for month-end clamping; planExpire makes the exact decision.
  const cutoff = addDays(addMonths(at, -expiry.months), 4);
  const inactive = tx
    .select({ memberId: ledgerBalances.memberId })
    .from(ledgerBalances)
    .where(
      and(
        eq(ledgerBalances.programId, programId),
        gt(ledgerBalances.available, 0),
        sql`${ledgerBalances.lastActivityAt} <= ${cutoff}`,
        memberId ? eq(ledgerBalances.memberId, memberId) : undefined,
      ),
    )
    .all()
    .map((r) => r.memberId);
  return [...new Set([...dated, ...inactive])];
}
