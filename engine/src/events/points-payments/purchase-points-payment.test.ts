import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pointsPayments, purchases, ruleAwards } from '../../db/schema';
import { adjustPoints, getBalance, verifyLedger } from '../../ledger';
import { tempDatabase } from '../../testing/temp-db';
import { processPurchase, type ProcessPurchaseInput } from '../process-purchase';
import { listMemberActivity } from '../list-member-activity';
import { processReturn } from '../process-return';
import { quoteBasket } from '../quote-basket';
import { receiptText } from '../receipt-text';
import { activeTemplateProgram, testMember } from '../test-fixtures';
import { cancelPointsPayment } from './cancel-points-payment';
import { payWithPoints } from './pay-with-points';
import { cashShareBasis } from './purchase-points-payment';
import { reservePointsPayment } from './reserve-points-payment';

// retail-tiers: 1 point = 0.02 EUR, at least 250 points, at most 50% of a basket; earns 1/EUR,
// 2/EUR on the own label, 1/EUR on beauty and a bonus from 150 EUR spend.
const { db, cleanup } = tempDatabase();
afterAll(cleanup);
afterEach(() => expect(verifyLedger(db)).toEqual({ ok: true, problems: [] }));
const { programId } = activeTemplateProgram(db);
const member = (name: string, points = 2000) => {
  const memberId = testMember(db, programId, name);
  adjustPoints({ ctx: { db }, input: { transactionId: `grant-${memberId}`, programId, memberId, points, reason: 'test balance', actor: 'test' } });
  return memberId;
};
const BASKET = [
  { ref: '1', sku: 'MA-DRESS-LINEN-38', category: 'womenswear', brand: 'meridian-atelier', quantity: 1, price: 120 },
  { ref: '2', sku: 'MV-EDP-50', category: 'beauty', brand: 'maison-verre', quantity: 2, price: 30 },
  { ref: '3', sku: 'NC-SOCKS', category: 'accessories', brand: 'northcoast', quantity: 4, price: 5 },
]; // 200 EUR
let receipt = 0;
const purchase = (memberId: string | undefined, extra: Partial<ProcessPurchaseInput> = {}) =>
  processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: `R-${++receipt}`, member: memberId ? { memberId } : undefined, items: BASKET, ...extra } });
const reserve = (memberId: string, amount: number, storeId = 'ams') => reservePointsPayment({ ctx: { db }, input: { programId, storeId, memberId, basketTotal: 200, amount } });
const payment = (id: string) => db.select().from(pointsPayments).where(eq(pointsPayments.id, id)).get();

describe('a purchase partly paid with points', () => {
  it('commits a reserved payment and earns on the share paid in money only', () => {
    const payer = member('payer', 3000);
    const twin = member('twin');
    const held = reserve(payer, 50); // a quarter of 200 EUR, 2500 points
    expect(held.points).toBe(2500); // 50 / 0.02
    const paid = purchase(payer, { pointsPaymentId: held.id });
    expect(paid.pointsPayment).toEqual({ id: held.id, amount: 50, points: 2500 });
    expect(payment(held.id)).toMatchObject({ status: 'committed', purchaseId: paid.purchaseId, paymentTransactionId: `pay-commit:${held.id}` });

    // The twin pays the same basket at three quarters of the prices, all in money: same points.
    const cash = purchase(twin, { items: BASKET.map((i) => ({ ...i, price: i.price * 0.75 })) });
    expect(paid.points).toBe(cash.points);
    expect(paid.rules.map((r) => [r.ruleId, r.points])).toEqual(cash.rules.map((r) => [r.ruleId, r.points]));
    expect(paid.points).toBeLessThan(purchase(twin).points);
    expect(getBalance({ ctx: { db }, input: { programId, memberId: payer } })).toMatchObject({ available: 3100 - 2500, reserved: 0, pending: paid.points });
  });

  it('accepts a payment already committed in one step, and refuses to use it twice', () => {
    const memberId = member('web', 3000);
    const paid = payWithPoints({ ctx: { db }, input: { programId, storeId: 'ams', memberId, basketTotal: 200, points: 1000 } });
    const first = purchase(memberId, { pointsPaymentId: paid.id });
    expect(first.pointsPayment).toEqual({ id: paid.id, amount: 20, points: 1000 });
    expect(payment(paid.id)?.purchaseId).toBe(first.purchaseId);
    expect(() => purchase(memberId, { pointsPaymentId: paid.id })).toThrow(`Points payment '${paid.id}' already paid for purchase '${first.purchaseId}'; take a new points payment for this purchase.`);
  });

  it('refuses a payment of another member, of a non-member purchase, or of another store', () => {
    const ana = member('ana');
    const ben = member('ben');
    const held = reserve(ana, 10);
    expect(() => purchase(ben, { pointsPaymentId: held.id })).toThrow(`Points payment '${held.id}' was made by another member; post the purchase for the member who paid with points.`);
    expect(() => purchase(undefined, { pointsPaymentId: held.id })).toThrow(`Points payment '${held.id}' was made by a member; identify that member on the purchase.`);
    expect(() => processPurchase({ ctx: { db }, input: { programId, storeId: 'rotterdam', receiptNumber: 'X-1', member: { memberId: ana }, items: BASKET, pointsPaymentId: held.id } })).toThrow(
      `There is no points payment '${held.id}' at store 'rotterdam'.`,
    );
    expect(payment(held.id)).toMatchObject({ status: 'reserved', purchaseId: null }); // nothing of the refused purchases stuck
    expect(purchase(ana, { pointsPaymentId: held.id }).pointsPayment?.id).toBe(held.id);
  });

  it('refuses a cancelled payment and one larger than the purchase', () => {
    const memberId = member('late', 5000);
    const cancelled = reserve(memberId, 10);
    cancelPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: cancelled.id } });
    expect(() => purchase(memberId, { pointsPaymentId: cancelled.id })).toThrow(`Points payment '${cancelled.id}' is already cancelled.`);
    const big = reserve(memberId, 60);
    expect(() => purchase(memberId, { pointsPaymentId: big.id, items: BASKET.slice(2) })).toThrow(
      `Points payment '${big.id}' covers 60.00 EUR, more than this purchase's total of 20.00 EUR; cancel it and pay with points again for this basket.`,
    );
  });

  it('a full return takes back exactly what the purchase earned', () => {
    const memberId = member('return');
    const paid = purchase(memberId, { pointsPaymentId: reserve(memberId, 40).id });
    const returned = processReturn({ ctx: { db }, input: { programId, storeId: 'ams', returnRef: `RT-${paid.purchaseId}`, purchaseId: paid.purchaseId } });
    expect(returned.points).toBe(paid.points);
    const earned = db.select().from(purchases).where(eq(purchases.id, paid.purchaseId)).get()?.awards ?? [];
    expect(earned.reduce((s, a) => s + a.points, 0)).toBe(paid.points);
    // The return books negative award rows for all of it.
    const taken = db.select().from(ruleAwards).where(eq(ruleAwards.purchaseId, paid.purchaseId)).all();
    expect(taken.reduce((s, a) => s + a.points, 0)).toBe(-paid.points);
    expect(returned.pointsRefunded).toBe(2000); // 40 EUR paid with 2000 points, all of it returned
  });

  it('gives points paid with back in the share of the money returned, adding up to all of them', () => {
    const memberId = member('refund', 3000);
    const paid = purchase(memberId, { pointsPaymentId: reserve(memberId, 50).id }); // 2500 points
    const spendable = () => getBalance({ ctx: { db }, input: { programId, memberId } }).available;
    const before = spendable();
    const ret = (ref: string, lines: { ref: string; quantity: number }[]) =>
      processReturn({ ctx: { db }, input: { programId, storeId: 'ams', returnRef: ref, purchaseId: paid.purchaseId, lines } });
    expect(ret('RT-socks', [{ ref: '3', quantity: 1 }]).pointsRefunded).toBe(62); // 5 of 200 EUR: 62.5, rounded down
    expect(ret('RT-perfume', [{ ref: '2', quantity: 2 }]).pointsRefunded).toBe(750); // 60 EUR more, 65 of 200 EUR: 812 in total
    const last = ret('RT-rest', [{ ref: '1', quantity: 1 }, { ref: '3', quantity: 3 }]);
    expect(last.pointsRefunded).toBe(2500 - 812);
    expect(spendable()).toBe(before + 2500);
    const history = listMemberActivity({ ctx: { db }, input: { programId, memberId, limit: 5 } }).items;
    expect(history.filter((i) => i.kind === 'refund').map((i) => i.points)).toEqual([1688, 750, 62]);
    expect(history[0]?.description).toBe('Points refunded for returned items');
  });

  it('refunds nothing on a return of a purchase paid in money only', () => {
    const memberId = member('cash-only');
    const paid = purchase(memberId);
    expect(processReturn({ ctx: { db }, input: { programId, storeId: 'ams', returnRef: 'RT-cash', purchaseId: paid.purchaseId } }).pointsRefunded).toBe(0);
  });
});

describe('quote and receipt', () => {
  it('the quote says the most payable with points and earns like the purchase will', () => {
    const memberId = member('quote', 900); // 1000 available: worth 20 EUR
    const quote = (paidWithPoints?: number) => quoteBasket({ ctx: { db }, input: { programId, storeId: 'ams', member: { memberId }, items: BASKET, paidWithPoints } });
    expect(quote().pointsPayment).toEqual({ maxAmount: 20, maxPoints: 1000 });
    const quoted = quote(20).points;
    expect(quoted).toBeLessThan(quote().points);
    expect(purchase(memberId, { pointsPaymentId: reserve(memberId, 20).id }).points).toBe(quoted);
    expect(quoteBasket({ ctx: { db }, input: { programId, storeId: 'ams', items: BASKET } }).pointsPayment).toBeNull();
  });

  it('the receipt shows the points paid with', () => {
    const memberId = member('receipt', 3000);
    const p = purchase(memberId, { pointsPaymentId: reserve(memberId, 50).id });
    const { lines } = receiptText({ ctx: { db }, input: { programId, storeId: 'ams', purchaseId: p.purchaseId } });
    expect(lines[1]).toMatch(/^Paid with Points +2,500 = 50\.00 EUR$/);
    expect(lines[1]).toHaveLength(40);
  });
});

describe('cashShareBasis', () => {
  it('scales line prices and the total by the share paid in money', () => {
    expect(cashShareBasis([{ ref: '1', sku: 'A', quantity: 2, price: 40 }], 80, 20)).toEqual({ items: [{ ref: '1', sku: 'A', quantity: 2, price: 30 }], total: 60 });
    expect(cashShareBasis([{ ref: '1', sku: 'A', quantity: 1, price: 80 }], 80, 0).total).toBe(80);
    expect(cashShareBasis([{ ref: '1', sku: 'A', quantity: 1, price: 80 }], 80, 80)).toEqual({ items: [{ ref: '1', sku: 'A', quantity: 1, price: 0 }], total: 0 });
  });
});
