import { claimReceiptMessages } from '../messages/receipt-messages';
import { timeOrderedId } from '../ids';
import { z } from 'zod';
import { preparedInsert, preparedSql, writeBatch, type BatchOutcome, type DbTx } from '../db';
import { purchaseLines, purchases } from '../db/schema';
import { DomainError } from '../errors';
import { screenEvent } from '../fraud/screen-event';
import { addDays } from '../ledger';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import type { FactEvent, FactItem } from '../rules';
import { bookEarning } from './book-earning';
import { writeEvent } from './domain-events';
import { eventFacts } from './event-facts';
import { EventTime, MemberRef, notInFuture, PaymentMethod, PurchaseChannel, PurchaseLine, Ref } from './inputs';
import { upgradeAfterActivity } from './member-tier';
import { cashShareBasis, settlePurchasePointsPayment, type PurchasePointsPayment } from './points-payments';
import { runtimeOfVersion, activeVersionId } from './program-runtime';
import { resolveMember } from './resolve-member';

export const ProcessPurchaseInput = z
  .object({
    programId: z.string().min(1),
    storeId: Ref.describe('Store the purchase is attributed to'),
    registerId: Ref.default('main').describe('Till or checkout; with the receipt number unique per store'),
    receiptNumber: Ref,
    member: MemberRef.optional().describe('Who bought; absent or unknown means a non-member purchase'),
    occurredAt: EventTime.optional().describe('When the purchase happened; now when absent'),
    channel: PurchaseChannel.default('store'),
    paymentMethod: PaymentMethod.optional(),
    couponCode: z.string().trim().min(1).max(50).optional(),
    total: z.number().min(0).max(10_000_000).optional().describe('Amount paid; the sum of the lines when absent'),
    pointsPaymentId: z.string().min(1).max(200).optional().describe('Points payment that paid part of it; the member earns on the rest only'),
    items: z.array(PurchaseLine).min(1, { error: 'a purchase needs at least one line' }).max(500),
  })
  .refine((p) => new Set(p.items.map((i) => i.ref)).size === p.items.length, { error: 'line refs must be unique within a purchase', path: ['items'] })
  .refine((p) => notInFuture(p.occurredAt), { error: 'occurredAt is in the future; send the time the purchase happened', path: ['occurredAt'] });
export type ProcessPurchaseInput = z.input<typeof ProcessPurchaseInput>;

/** What a purchase earned, per rule, with the per-line split. */
export type EarnedRule = { ruleId: string; ruleName: string; points: number; perLine: { lineRef: string; points: number }[] };

export type PurchaseResult = {
  purchaseId: string;
  /** 'member' when a member was found, 'unknown' when the identifier matched nobody, 'none' without one. */
  identified: 'member' | 'unknown' | 'none';
  memberId: string | null;
  versionId: string;
  occurredAt: string;
  total: number;
  points: number;
  /** A fraud rule held the points for review (`hold-points`): pending until a reviewer decides. */
  pointsHeld: boolean;
  /** Set when points are pending (return window): when they become available. */
  availableAt: string | null;
  earnTransactionId: string | null;
  rules: EarnedRule[];
  tierChange: { from: string | null; to: string } | null;
  /** The points payment that paid part of the purchase (committed with it when still reserved). */
  pointsPayment: PurchasePointsPayment | null;
};

const postedReceipt = preparedSql<{ id: string }>('select id from purchases where program_id = ? and store_id = ? and register_id = ? and receipt_number = ?');
const insertPurchase = preparedInsert(purchases, [
  'id', 'programId', 'storeId', 'registerId', 'receiptNumber', 'memberId', 'versionId', 'channel', 'paymentMethod', 'occurredAt', 'localDate', 'total', 'itemCount', 'points', 'earnTransactionId', 'awards',
]);
const insertPurchaseLine = preparedInsert(purchaseLines, ['purchaseId', 'lineRef', 'sku', 'category', 'brand', 'quantity', 'price', 'isOnSale']);

/**
 * Books a purchase: finds the member, evaluates it with the version the member is assigned to
 * (compiled once per version), posts the points to the ledger with per-rule and per-line awards,
 * upgrades the tier when the qualification value crosses a threshold, and writes
 * `purchase-recorded` (plus the ledger's `points-earned` and `tier-changed`) to the outbox, all in
 * one BEGIN IMMEDIATE transaction. A purchase without a known member is kept for reporting and
 * earns nothing. A receipt already posted (same store, register and receipt number) is a
 * conflict naming the existing purchase.
 * @example processPurchase({ ctx: { db }, input: { programId, storeId: 'amsterdam', registerId: '3', receiptNumber: 'R-1001', member: { cardNumber }, items: [{ ref: '1', sku: 'MA-DRESS-38', quantity: 1, price: 90 }] } })
 */
export function processPurchase({ ctx, input }: { ctx: { db: DbTx }; input: ProcessPurchaseInput }): PurchaseResult {
  const req = ProcessPurchaseInput.parse(input);
  return ctx.db.transaction((tx) => bookPurchase(tx, req), WRITE_TRANSACTION);
}

/**
 * Books a batch of purchases (a web shop's upload, an offline till catching up) in one
 * transaction with one commit, each exactly as `processPurchase` would. A refused purchase (e.g. a
 * receipt already posted, or one that does not parse) is reported in its place and the others
 * are kept. All are parsed before the transaction begins: one tight loop instead of a parse
 * between every two purchases' writes, where it runs several times slower.
 * @example processPurchases({ ctx: { db }, input: [purchaseA, purchaseB] }) // [{ ok: true, value: { purchaseId, points, ... } }, { ok: false, error }]
 */
export function processPurchases({ ctx, input }: { ctx: { db: DbTx }; input: readonly ProcessPurchaseInput[] }): BatchOutcome<PurchaseResult>[] {
  const parsed = input.map((purchase) => ProcessPurchaseInput.safeParse(purchase));
  const booked = writeBatch(
    ctx.db,
    parsed.flatMap((p) => (p.success ? [p.data] : [])),
    (tx, req) => bookPurchase(tx, req),
  );
  let next = 0;
  return parsed.map((p) => (p.success ? booked[next++]! : { ok: false, error: p.error }));
}

/** `processPurchase` of a parsed purchase, in the caller's transaction. */
function bookPurchase(tx: DbTx, req: z.output<typeof ProcessPurchaseInput>): PurchaseResult {
  const existing = postedReceipt(tx).get(req.programId, req.storeId, req.registerId, req.receiptNumber);
  if (existing) {
    throw new DomainError(
      'conflict',
      `Receipt '${req.receiptNumber}' of register '${req.registerId}' at store '${req.storeId}' was already posted as purchase '${existing.id}'; fetch that purchase instead of posting it again.`,
      { purchaseId: existing.id },
    );
  }
  const member = resolveMember(tx, req.programId, req.member);
  const versionId = activeVersionId(tx, req.programId, member?.id);
  const runtime = runtimeOfVersion(tx, versionId);
  const occurredAt = req.occurredAt ?? new Date().toISOString();
  const at = Date.parse(occurredAt);
  const items: FactItem[] = req.items.map((i) => ({ ...i }));
  const total = req.total ?? round2(items.reduce((s, i) => s + i.price * i.quantity, 0));
  const itemCount = items.reduce((s, i) => s + i.quantity, 0);
  const localDate = runtime.compiled.windowsAt(at).day;
  const id = timeOrderedId();
  const pointsPayment = req.pointsPaymentId
    ? settlePurchasePointsPayment(tx, { programId: req.programId, storeId: req.storeId, pointsPaymentId: req.pointsPaymentId, memberId: member?.id, purchaseId: id, total, currency: runtime.spec.program.currency })
    : null;
  const earning = cashShareBasis(items, total, pointsPayment?.amount ?? 0);
  const event: FactEvent = {
    kind: 'purchase',
    at,
    total,
    itemCount,
    channel: req.channel,
    storeId: req.storeId,
    paymentMethod: req.paymentMethod,
    couponCode: req.couponCode,
  };
  let booked: ReturnType<typeof bookEarning> | undefined;
  if (member && member.status === 'active') {
    booked = bookEarning(tx, {
      runtime,
      member,
      facts: eventFacts(tx, runtime, member, { ...event, total: earning.total }, earning.items, runtime.compiled.earningAggregates),
      source: { kind: 'purchase', id, purchaseId: id },
      transactionId: `purchase:${id}`,
      pendingDays: runtime.spec.pointsLifecycle.pendingDays,
      occurredAt,
      metadata: { storeId: req.storeId, registerId: req.registerId, receiptNumber: req.receiptNumber },
    });
  }
  const points = booked?.result.points ?? 0;
  const earnTransactionId = booked?.posted?.transaction.id ?? null;
  insertPurchase(tx).run({ id, programId: req.programId, storeId: req.storeId, registerId: req.registerId, receiptNumber: req.receiptNumber, memberId: member?.id ?? null, versionId, channel: req.channel, paymentMethod: req.paymentMethod ?? null, occurredAt, localDate, total, itemCount, points, earnTransactionId, awards: booked?.awards.length ? booked.awards : null });
  for (const i of req.items) {
    insertPurchaseLine(tx).run({ purchaseId: id, lineRef: i.ref, sku: i.sku, category: i.category ?? null, brand: i.brand ?? null, quantity: i.quantity, price: i.price, isOnSale: i.isOnSale ?? null });
  }
  if (member) claimReceiptMessages(tx, { memberId: member.id, purchaseId: id, at: occurredAt });
  const tierChange = member && member.status === 'active' ? (upgradeAfterActivity(tx, { spec: runtime.spec, member, localDate, at: occurredAt }) ?? null) : null;
  writeEvent(tx, {
    id: `${id}:purchase-recorded`,
    type: 'purchase-recorded',
    programId: req.programId,
    memberId: member?.id ?? null,
    payload: { purchaseId: id, storeId: req.storeId, total, points, versionId, channel: req.channel },
    at: occurredAt,
  });
  const screened = member ? screenEvent(tx, runtime.spec.fraudRules, { kind: 'purchase', programId: req.programId, versionId, memberId: member.id, eventRef: `purchase:${id}`, occurredAt, amount: total, earnTransactionId }) : undefined;
  return {
    purchaseId: id,
    identified: member ? 'member' : req.member && (req.member.memberId || req.member.cardNumber || req.member.phone || req.member.email) ? 'unknown' : 'none',
    memberId: member?.id ?? null,
    versionId,
    occurredAt,
    total,
    points,
    pointsHeld: screened?.held ?? false,
    availableAt: earnTransactionId && !screened?.held && runtime.spec.pointsLifecycle.pendingDays > 0 ? addDays(occurredAt, runtime.spec.pointsLifecycle.pendingDays) : null,
    earnTransactionId,
    rules: (booked?.result.lines ?? [])
      .filter((l) => l.points > 0)
      .map((l) => ({ ruleId: l.ruleId, ruleName: l.ruleName, points: l.points, perLine: l.perItem ?? [] })),
    tierChange,
    pointsPayment,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
