import { and, eq, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbTx } from '../../db';
import { ledgerBalances, pointsPayments } from '../../db/schema';
import { DomainError } from '../../errors';
import { releaseExpiredReservations } from '../../ledger';
import type { MemberRow } from '../../members';
import { writeEvent } from '../domain-events';
import { runtimeFor, runtimeOfVersion, type ProgramRuntime } from '../program-runtime';
import { resolveMember } from '../resolve-member';
import type { PayWithPointsInput } from './inputs';
import { planPointsPayment } from './plan-points-payment';

export type PointsPaymentRow = typeof pointsPayments.$inferSelect;

/** What the API shows of a points payment. */
export type PointsPaymentView = {
  id: string;
  status: PointsPaymentRow['status'];
  memberId: string;
  versionId: string;
  amount: number;
  currency: string;
  points: number;
  basketTotal: number;
  holdExpiresAt: string | null;
  purchaseId: string | null;
  /** The member's available points afterwards. */
  available: number;
};

/** A new payment's own fields; `at` is when it was made. */
type NewPayment = Pick<PointsPaymentRow, 'id' | 'programId' | 'memberId' | 'versionId' | 'storeId' | 'amount' | 'points' | 'basketTotal'> & { at: string };

/**
 * Stores a new payment: `reserved` with the ledger hold (tills), or `committed` at once with the
 * ledger transaction that spent the points (one step).
 * @example insertPointsPayment(tx, { id, programId, memberId, versionId, storeId, amount: 10, points: 500, basketTotal: 80, at }, { status: 'committed', paymentTransactionId: 'pay:...' })
 */
export function insertPointsPayment(
  tx: DbTx,
  { at, ...payment }: NewPayment,
  step: { status: 'reserved'; reserveTransactionId: string; holdExpiresAt: string } | { status: 'committed'; paymentTransactionId: string },
): PointsPaymentRow {
  const row: PointsPaymentRow = {
    ...payment,
    status: step.status,
    reserveTransactionId: step.status === 'reserved' ? step.reserveTransactionId : null,
    paymentTransactionId: step.status === 'committed' ? step.paymentTransactionId : null,
    releaseTransactionId: null,
    holdExpiresAt: step.status === 'reserved' ? step.holdExpiresAt : null,
    purchaseId: null,
    createdAt: at,
    resolvedAt: step.status === 'committed' ? at : null,
  };
  tx.insert(pointsPayments).values(row).run();
  return row;
}

/**
 * The payment as the API shows it at `at`. A reservation whose hold is over is shown as lapsed
 * even before a sweep marked the row: its points are already given back, or will be by whichever
 * sweep runs first (the ledger's, a redemption's or housekeeping's).
 * @example pointsPaymentView(tx, row, new Date().toISOString()).available
 */
export function pointsPaymentView(tx: DbTx, row: PointsPaymentRow, at: string): PointsPaymentView {
  const b = tx.select({ available: ledgerBalances.available }).from(ledgerBalances).where(eq(ledgerBalances.memberId, row.memberId)).get();
  return {
    id: row.id,
    status: holdLapsed(row, at) ? 'lapsed' : row.status,
    memberId: row.memberId,
    versionId: row.versionId,
    amount: row.amount,
    currency: runtimeOfVersion(tx, row.versionId).spec.program.currency,
    points: row.points,
    basketTotal: row.basketTotal,
    holdExpiresAt: row.holdExpiresAt,
    purchaseId: row.purchaseId,
    available: b?.available ?? 0,
  };
}

function holdLapsed(row: PointsPaymentRow, at: string): boolean {
  return row.status === 'reserved' && row.holdExpiresAt !== null && row.holdExpiresAt <= at;
}

/** The conflict for a payment that is no longer a live reservation, or undefined while it is. */
export function notHeldPayment(row: PointsPaymentRow, at: string): DomainError | undefined {
  if (row.status === 'reserved' && !holdLapsed(row, at)) return undefined;
  if (row.status === 'reserved' || row.status === 'lapsed') {
    return new DomainError('conflict', `Points payment '${row.id}' lapsed at ${row.holdExpiresAt}; the points were given back to the member. Reserve the payment again.`, { state: 'lapsed' });
  }
  return new DomainError('conflict', `Points payment '${row.id}' is already ${row.status}.`, { state: row.status });
}

/** The ledger reservation of a reserved payment (two-step payments always have one). */
export function reservationOf(row: PointsPaymentRow): string {
  if (!row.reserveTransactionId) throw new Error(`points payment ${row.id} is ${row.status} without a ledger reservation`);
  return row.reserveTransactionId;
}

/**
 * A payment taken at this store (payments of other stores or programs are not revealed).
 * @throws DomainError('not_found')
 */
export function requirePointsPayment(tx: DbTx, programId: string, storeId: string, id: string): PointsPaymentRow {
  const row = tx.select().from(pointsPayments).where(eq(pointsPayments.id, id)).get();
  if (!row || row.programId !== programId || row.storeId !== storeId) throw new DomainError('not_found', `There is no points payment '${id}' at store '${storeId}'.`);
  return row;
}

/**
 * The member paying, their version, and what the payment comes to under its spending rules.
 * @throws DomainError: not_found (member), unprocessable (inactive member, or a refusal of `planPointsPayment` with its reason).
 */
export function preparePointsPayment(tx: DbTx, req: z.infer<typeof PayWithPointsInput>): { member: MemberRow; runtime: ProgramRuntime; amount: number; points: number } {
  const member = resolveMember(tx, req.programId, req.member ?? { memberId: req.memberId });
  if (!member) throw new DomainError('not_found', 'No member of this program matches that card, phone or email; identify the member again or sign them up.');
  if (member.status !== 'active') throw new DomainError('unprocessable', `Member '${member.id}' is ${member.status}; they cannot pay with points.`, { reason: 'member-not-active' });
  const runtime = runtimeFor(tx, req.programId, member.id);
  const balance = tx.select({ available: ledgerBalances.available }).from(ledgerBalances).where(eq(ledgerBalances.memberId, member.id)).get();
  const ask = req.amount !== undefined ? { amount: req.amount } : { points: req.points ?? 0 };
  const plan = planPointsPayment(runtime.spec, ask, { basketTotal: req.basketTotal, available: balance?.available ?? 0 });
  if (!plan.ok) throw new DomainError('unprocessable', plan.message, { reason: plan.reason, ...plan.details });
  return { member, runtime, amount: plan.amount, points: plan.points };
}

/**
 * Reserved payments whose hold lapsed by `at` become `lapsed`: the ledger gives the points back
 * (`releaseExpiredReservations`, which may already have done so for another caller; its
 * `lapse:<reservation>` ids make that harmless) and `points-payment-lapsed` is written. Runs in
 * the points-payment services' transactions and in program housekeeping.
 * @example releaseLapsedPointsPayments(tx, programId, new Date().toISOString()) // 1
 */
export function releaseLapsedPointsPayments(tx: DbTx, programId: string, at: string): number {
  const due = tx
    .select()
    .from(pointsPayments)
    .where(and(eq(pointsPayments.programId, programId), eq(pointsPayments.status, 'reserved'), lte(pointsPayments.holdExpiresAt, at)))
    .all();
  if (due.length === 0) return 0;
  releaseExpiredReservations({ ctx: { db: tx }, input: { programId, asOf: at } });
  for (const p of due) {
    const releaseTransactionId = p.reserveTransactionId ? `lapse:${p.reserveTransactionId}` : null;
    tx.update(pointsPayments).set({ status: 'lapsed', releaseTransactionId, resolvedAt: at }).where(eq(pointsPayments.id, p.id)).run();
    writeEvent(tx, { id: `${p.id}:points-payment-lapsed`, type: 'points-payment-lapsed', programId, memberId: p.memberId, payload: { pointsPaymentId: p.id, points: p.points, amount: p.amount }, at });
  }
  return due.length;
}
