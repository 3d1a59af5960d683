import { timeOrderedId } from '../ids';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { purchaseLines, purchaseReturnLines, purchaseReturns, purchases, ruleAwards } from '../db/schema';
import { DomainError } from '../errors';
import { screenEvent } from '../fraud/screen-event';
import { reverseEarn } from '../ledger';
import { memberById, survivor } from '../members';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { writeEvent } from './domain-events';
import { EventTime, notInFuture, Ref } from './inputs';
import { refundPointsOnReturn } from './points-payments/refund-on-return';
import { runtimeOfVersion } from './program-runtime';
import { awardLinesOfRows, recordAwards, type AwardLine } from './rule-awards';
import { reversalFor, type ReturnableLine } from './return-points';

export const ReturnLine = z
  .object({ ref: Ref.describe('Line reference of the original purchase'), quantity: z.number().positive().max(100_000).describe('Units returned') })
  .strict();
export type ReturnLine = z.infer<typeof ReturnLine>;

export const ProcessReturnInput = z
  .object({
    programId: z.string().min(1),
    storeId: Ref.describe('Store taking the return; must be the store of the purchase'),
    returnRef: Ref.describe("The caller's return receipt or RMA number, unique per store"),
    purchaseId: z.string().min(1),
    lines: z.array(ReturnLine).min(1).max(500).optional().describe('Lines and units returned; everything not yet returned when absent'),
    occurredAt: EventTime.optional(),
    reason: z.string().trim().max(300).optional(),
  })
  .refine((r) => !r.lines || new Set(r.lines.map((l) => l.ref)).size === r.lines.length, { error: 'name each line once', path: ['lines'] })
  .refine((r) => notInFuture(r.occurredAt), { error: 'occurredAt is in the future', path: ['occurredAt'] });
export type ProcessReturnInput = z.input<typeof ProcessReturnInput>;

export type ReturnResult = {
  returnId: string;
  purchaseId: string;
  /** The member the points were taken from: the buyer, or the member the buyer was merged into. */
  memberId: string | null;
  versionId: string | null;
  amount: number;
  /** Points taken back (what the returned units earned). */
  points: number;
  /** Of those, points still in the member's account; the rest had been spent and are written off. */
  recovered: number;
  writtenOff: number;
  /** Points given back because part of the purchase was paid with points (same share as the money returned). */
  pointsRefunded: number;
  lines: { ref: string; quantity: number; points: number }[];
};

/**
 * Books a full or partial return of a purchase: reverses exactly what the returned units earned,
 * per rule and line, proportionally for partial quantities (see `reversalFor`), through the
 * ledger's `reverseEarn` (points already spent are written off, never taken below zero; see the
 * ledger README), and records negative rule awards so caps free up. A purchase of a member since
 * merged is returned for the member it was merged into (`memberId` of the result). Units cannot
 * be returned twice: asking for more than is left is a conflict. One BEGIN IMMEDIATE transaction.
 * @example processReturn({ ctx: { db }, input: { programId, storeId: 'amsterdam', returnRef: 'RT-88', purchaseId, lines: [{ ref: '1', quantity: 1 }] } })
 */
export function processReturn({ ctx, input }: { ctx: { db: DbTx }; input: ProcessReturnInput }): ReturnResult {
  const req = ProcessReturnInput.parse(input);
  return ctx.db.transaction((tx) => {
    const purchase = tx.select().from(purchases).where(eq(purchases.id, req.purchaseId)).get();
    if (!purchase || purchase.programId !== req.programId || purchase.storeId !== req.storeId) {
      throw new DomainError('not_found', `There is no purchase '${req.purchaseId}' at store '${req.storeId}'.`);
    }
    const earlier = tx.select({ id: purchaseReturns.id }).from(purchaseReturns).where(and(eq(purchaseReturns.programId, req.programId), eq(purchaseReturns.storeId, req.storeId), eq(purchaseReturns.returnRef, req.returnRef))).get();
    if (earlier) throw new DomainError('conflict', `Return '${req.returnRef}' was already booked as return '${earlier.id}'.`, { returnId: earlier.id });
    const lines = returnableLines(tx, purchase.id);
    const returning = requestedUnits(purchase.id, lines, req.lines);
    // Purchases booked before migration 0026 have their awards as rule_awards rows.
    const awards = awardLinesOfRows(
      purchase.awards ??
        tx
          .select({ ruleId: ruleAwards.ruleId, lineRef: ruleAwards.lineRef, points: ruleAwards.points, lines: ruleAwards.lines })
          .from(ruleAwards)
          .where(and(eq(ruleAwards.purchaseId, purchase.id), eq(ruleAwards.sourceKind, 'purchase')))
          .all(),
    );
    const reversal = reversalFor(awards, lines, returning);
    const points = reversal.reduce((s, a) => s + a.points, 0);
    const id = timeOrderedId();
    const occurredAt = req.occurredAt ?? new Date().toISOString();
    const runtime = purchase.versionId ? runtimeOfVersion(tx, purchase.versionId) : undefined;
    const memberId = purchase.memberId ? holderOf(tx, purchase.memberId) : null;
    let recovered = 0;
    let writtenOff = 0;
    let reverseTransactionId: string | null = null;
    if (points > 0 && purchase.earnTransactionId && memberId && runtime) {
      const posted = reverseEarn({
        ctx: { db: tx },
        input: { transactionId: `return:${id}`, programId: req.programId, earnTransactionId: purchase.earnTransactionId, amount: { points }, sourceRef: `return:${id}`, reason: req.reason ?? null, occurredAt, metadata: { purchaseId: purchase.id, returnRef: req.returnRef } },
      });
      reverseTransactionId = posted.transaction.id;
      recovered = Number(posted.transaction.metadata.recovered ?? 0);
      writtenOff = Number(posted.transaction.metadata.writtenOff ?? 0);
      recordAwards(
        tx,
        { programId: req.programId, memberId, versionId: runtime.versionId, sourceKind: 'return', sourceId: id, purchaseId: purchase.id, occurredAt, windows: runtime.compiled.windowsAt(Date.parse(purchase.occurredAt)) },
        reversal.map((a): AwardLine => ({ ...a, points: -a.points })),
      );
    }
    const amount = Math.round(lines.reduce((s, l) => s + l.price * (returning.get(l.lineRef) ?? 0), 0) * 100) / 100;
    const localDate = runtime ? runtime.compiled.windowsAt(Date.parse(occurredAt)).day : occurredAt.slice(0, 10);
    const pointsRefunded =
      memberId && runtime
        ? refundPointsOnReturn(tx, { programId: req.programId, purchaseId: purchase.id, memberId, returnId: id, returned: amount, occurredAt, expiry: runtime.spec.pointsLifecycle.expiry })
        : 0;
    tx.insert(purchaseReturns)
      .values({ id, programId: req.programId, purchaseId: purchase.id, storeId: req.storeId, returnRef: req.returnRef, memberId, versionId: purchase.versionId, occurredAt, localDate, amount, points, reverseTransactionId })
      .run();
    const pointsByLine = new Map<string, number>();
    for (const a of reversal) if (a.lineRef !== null) pointsByLine.set(a.lineRef, (pointsByLine.get(a.lineRef) ?? 0) + a.points);
    const returnLines = [...returning].map(([ref, quantity]) => ({ ref, quantity, points: pointsByLine.get(ref) ?? 0 }));
    tx.insert(purchaseReturnLines).values(returnLines.map((l) => ({ returnId: id, purchaseId: purchase.id, lineRef: l.ref, quantity: l.quantity, points: l.points }))).run();
    writeEvent(tx, {
      id: `${id}:purchase-returned`,
      type: 'purchase-returned',
      programId: req.programId,
      memberId,
      payload: { returnId: id, purchaseId: purchase.id, amount, points, recovered, writtenOff, pointsRefunded },
      at: occurredAt,
    });
    if (memberId && runtime) screenEvent(tx, runtime.spec.fraudRules, { kind: 'return', programId: req.programId, versionId: runtime.versionId, memberId, eventRef: `return:${id}`, occurredAt });
    return { returnId: id, purchaseId: purchase.id, memberId, versionId: purchase.versionId, amount, points, recovered, writtenOff, pointsRefunded, lines: returnLines };
  }, WRITE_TRANSACTION);
}

/**
 * The member a purchase's points belong to now: its buyer, or the member the buyer was merged
 * into (the ledger moved the lots there). The return's award rows, cap totals and record go to
 * that member, where caps and history queries of later events look.
 */
function holderOf(tx: DbTx, buyerId: string): string {
  const buyer = memberById(tx, buyerId);
  return buyer ? survivor(tx, buyer).id : buyerId;
}

function returnableLines(tx: DbTx, purchaseId: string): ReturnableLine[] {
  const returned = new Map(
    tx
      .all<{ line_ref: string; q: number }>(sql`select line_ref, sum(quantity) as q from purchase_return_lines where purchase_id = ${purchaseId} group by line_ref`)
      .map((r) => [r.line_ref, r.q]),
  );
  return tx
    .select()
    .from(purchaseLines)
    .where(eq(purchaseLines.purchaseId, purchaseId))
    .all()
    .map((l) => ({ lineRef: l.lineRef, quantity: l.quantity, price: l.price, returnedBefore: returned.get(l.lineRef) ?? 0 }));
}

/** Units per line this return takes back; refuses unknown lines and units already returned. */
function requestedUnits(purchaseId: string, lines: ReturnableLine[], requested: ReturnLine[] | undefined): Map<string, number> {
  const left = (l: ReturnableLine) => Math.max(0, Math.round((l.quantity - l.returnedBefore) * 1e6) / 1e6);
  if (!requested) {
    const all = new Map(lines.filter((l) => left(l) > 0).map((l) => [l.lineRef, left(l)]));
    if (all.size === 0) throw new DomainError('conflict', `Purchase '${purchaseId}' was already returned in full; there is nothing left to return.`);
    return all;
  }
  const out = new Map<string, number>();
  for (const r of requested) {
    const line = lines.find((l) => l.lineRef === r.ref);
    if (!line) {
      throw new DomainError('unprocessable', `Purchase '${purchaseId}' has no line '${r.ref}'; its lines are ${lines.map((l) => `'${l.lineRef}'`).join(', ')}.`, [{ path: ['lines'], message: `unknown line '${r.ref}'` }]);
    }
    if (r.quantity > left(line) + 1e-9) {
      const already = line.returnedBefore > 0 ? `; ${line.returnedBefore} ${line.returnedBefore === 1 ? 'was' : 'were'} already returned` : '';
      throw new DomainError('conflict', `Line '${r.ref}' of purchase '${purchaseId}' had ${line.quantity} unit(s)${already}, so at most ${left(line)} can be returned, not ${r.quantity}.`, { lineRef: r.ref, returnable: left(line) });
    }
    out.set(r.ref, r.quantity);
  }
  return out;
}
