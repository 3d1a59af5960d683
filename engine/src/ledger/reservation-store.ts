import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { DbTx } from '../db';
import { ledgerLots, ledgerPostings, ledgerReservations } from '../db/schema';
import { DomainError } from '../errors';
import { applyPlan } from './apply-plan';
import { toLotView, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planCancelReservation } from './plan-reservation';

export type ReservationRow = typeof ledgerReservations.$inferSelect;

/**
 * The reservation a commit or cancel refers to.
 * @throws DomainError('not_found') for an unknown id, ('conflict') when it is no longer held.
 */
export function requireHeldReservation(tx: DbTx, programId: string, reservationId: string): ReservationRow {
  const r = tx.select().from(ledgerReservations).where(eq(ledgerReservations.id, reservationId)).get();
  if (!r || r.programId !== programId) throw new DomainError('not_found', `Reservation '${reservationId}' does not exist.`);
  if (r.status !== 'held') {
    throw new DomainError('conflict', `Reservation '${reservationId}' is already ${r.status}.`, { state: r.status });
  }
  return r;
}

/** Which lots gave how many points to a reservation, read from its postings, with the lots' current state. */
export function reservationAllocations(tx: DbTx, reservationId: string) {
  const postings = tx
    .select()
    .from(ledgerPostings)
    .where(
      and(eq(ledgerPostings.transactionId, reservationId), isNotNull(ledgerPostings.lotId), like(ledgerPostings.accountId, '%:member-available')),
    )
    .all();
  const lotIds = postings.map((p) => p.lotId).filter((id): id is string => id !== null);
  const lots = new Map(
    (lotIds.length ? tx.select().from(ledgerLots).where(inArray(ledgerLots.id, lotIds)).all() : []).map((l) => [l.id, toLotView(l)]),
  );
  return postings.map((p) => {
    const lot = lots.get(p.lotId ?? '');
    if (!lot) throw new Error(`lot ${p.lotId} of reservation ${reservationId} is missing`);
    return { lot, amount: -p.amount };
  });
}

/**
 * Gives a held reservation's points back (cancelled by the caller, or lapsed) in the caller's
 * transaction and marks the reservation resolved.
 */
export function releaseReservation(
  tx: DbTx,
  r: ReservationRow,
  args: { transactionId: string; at: string; requestHash: string; status: 'cancelled' | 'lapsed'; reason: string | null },
): PostedTransaction {
  const plan = planCancelReservation({ memberId: r.memberId, allocations: reservationAllocations(tx, r.id), asOf: args.at });
  const posted = applyPlan(
    tx,
    {
      id: args.transactionId,
      kind: 'cancel-reservation',
      programId: r.programId,
      memberId: r.memberId,
      relatedTransactionId: r.id,
      reason: args.reason,
      occurredAt: args.at,
      requestHash: args.requestHash,
      metadata: { outcome: args.status },
    },
    plan,
  );
  tx.update(ledgerReservations)
    .set({ status: args.status, resolvedByTransactionId: args.transactionId })
    .where(eq(ledgerReservations.id, r.id))
    .run();
  writeOutboxEvent(tx, {
    id: `${args.transactionId}:reservation-cancelled`,
    type: 'reservation-cancelled',
    programId: r.programId,
    memberId: r.memberId,
    payload: { reservationId: r.id, points: r.points, outcome: args.status },
  });
  return posted;
}
