import { F64Column, I32Column } from './columns';
import type { ImportReport } from './import-options';
import type { RawHistory } from './raw-history';

/**
 * A finished import, still as columns: lines grouped by receipt, returns linked to the purchases
 * they give back, and one time-ordered index over sign-ups, purchases and returns. Events are
 * built from it on demand (see `history-dataset.ts`).
 */
export interface CompactHistory {
  readonly raw: RawHistory;
  readonly currency: string;
  /** Lines of receipt r are `lineOrder[receiptStart[r] .. receiptStart[r + 1])`, in file order. */
  readonly receiptStart: Int32Array;
  readonly lineOrder: Int32Array;
  /** Position of a line within its receipt (its ref is `l{pos + 1}`). */
  readonly linePos: Int32Array;
  /** Per return event: cancellation receipt, original purchase receipt, id, refund, lines. */
  readonly returnReceipt: Int32Array;
  readonly returnPurchase: Int32Array;
  readonly returnIds: readonly string[];
  readonly returnTotal: Float64Array;
  readonly returnStart: Int32Array;
  readonly returnLine: Int32Array;
  readonly returnQuantity: Float64Array;
  /** Member indices (of `raw.memberIds`) ordered by join time, and their join times. */
  readonly memberOrder: Int32Array;
  readonly memberJoinedAt: Float64Array;
  /** Events in time order, encoded `index * 4 + kind` (kind 0 sign-up, 1 purchase, 2 return). */
  readonly events: Int32Array;
  readonly eventAt: Float64Array;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/** Groups, orders and links a raw import, filling in the report. */
export function compact(h: RawHistory, currency: string, signUps: boolean, report: ImportReport): CompactHistory {
  const R = h.receiptAt.length;
  const L = h.lineReceipt.length;
  const receiptStart = new Int32Array(R + 1);
  for (let l = 0; l < L; l++) {
    const r = h.lineReceipt.get(l) + 1;
    receiptStart[r] = (receiptStart[r] ?? 0) + 1;
  }
  for (let r = 0; r < R; r++) receiptStart[r + 1] = (receiptStart[r + 1] ?? 0) + (receiptStart[r] ?? 0);
  const fill = receiptStart.slice(0, R);
  const lineOrder = new Int32Array(L);
  const linePos = new Int32Array(L);
  for (let l = 0; l < L; l++) {
    const r = h.lineReceipt.get(l);
    const at = fill[r] ?? 0;
    lineOrder[at] = l;
    linePos[l] = at - (receiptStart[r] ?? 0);
    fill[r] = at + 1;
  }
  const byTime = Int32Array.from({ length: R }, (_, i) => i).sort(
    (a, b) => h.receiptAt.get(a) - h.receiptAt.get(b) || h.receiptIsReturn.get(a) - h.receiptIsReturn.get(b) || a - b,
  );
  const remaining = Float64Array.from(h.lineQuantity.data.subarray(0, L));
  const bought = new Map<number, number[]>();
  const skuCount = Math.max(1, h.skus.size);
  const ret = { receipt: new I32Column(), purchase: new I32Column(), total: new F64Column(), start: new I32Column(), line: new I32Column(), qty: new F64Column(), ids: [] as string[] };
  const rr = report.returns;
  const pr = report.purchases;
  for (const r of byTime) {
    const member = h.receiptMember.get(r);
    const from = receiptStart[r] ?? 0;
    const to = receiptStart[r + 1] ?? 0;
    if (!h.receiptIsReturn.get(r)) {
      pr.count++;
      if (member >= 0) pr.byMembers++;
      else pr.byNonMembers++;
      for (let i = from; i < to; i++) {
        const l = lineOrder[i] ?? 0;
        pr.lines++;
        pr.quantity += h.lineQuantity.get(l);
        pr.value += h.lineQuantity.get(l) * h.linePrice.get(l);
        if (member < 0) continue;
        const key = member * skuCount + h.lineSku.get(l);
        const list = bought.get(key);
        if (list) list.push(l);
        else bought.set(key, [l]);
      }
      continue;
    }
    const groups = new Map<number, { lines: number[]; qty: number[]; total: number }>();
    for (let i = from; i < to; i++) {
      const l = lineOrder[i] ?? 0;
      const quantity = h.lineQuantity.get(l);
      const price = h.linePrice.get(l);
      let open = quantity;
      const candidates = member >= 0 ? bought.get(member * skuCount + h.lineSku.get(l)) : undefined;
      for (let j = (candidates?.length ?? 0) - 1; j >= 0 && open > 0; j--) {
        const pl = candidates?.[j] ?? 0;
        const left = remaining[pl] ?? 0;
        if (left <= 0) continue;
        const take = Math.min(left, open);
        remaining[pl] = left - take;
        open -= take;
        const p = h.lineReceipt.get(pl);
        let g = groups.get(p);
        if (!g) groups.set(p, (g = { lines: [], qty: [], total: 0 }));
        g.lines.push(pl);
        g.qty.push(take);
        g.total += take * price;
      }
      const linked = quantity - open;
      if (linked > 0) {
        rr.lines++;
        rr.quantity += linked;
        rr.value += linked * price;
        if (open > 0) rr.partiallyLinkedLines++;
      }
      if (open > 0) {
        rr.unlinkedQuantity += open;
        rr.unlinkedValue += open * price;
        if (linked === 0) {
          rr.unlinkedLines++;
          h.skip('unlinked-return');
        }
        if (rr.unlinked.length < h.maxIssues) {
          const memberId = member >= 0 ? h.memberIds.value(member) : null;
          rr.unlinked.push({ line: h.lineSource.get(l), receipt: h.receiptName(r), sku: h.skus.value(h.lineSku.get(l)), memberId, quantity: open, value: cents(open * price) });
        }
      }
    }
    rr.receipts++;
    if (groups.size > 0) rr.linkedReceipts++;
    const name = h.receiptName(r);
    const base = h.receiptOf(name, false) === undefined ? name : `${name}-return`;
    let k = 0;
    for (const [purchase, g] of groups) {
      ret.ids.push(++k === 1 ? base : `${base}/${k}`);
      ret.receipt.push(r);
      ret.purchase.push(purchase);
      ret.total.push(cents(g.total));
      ret.start.push(ret.line.length);
      g.lines.forEach((pl, i) => {
        ret.line.push(pl);
        ret.qty.push(g.qty[i] ?? 0);
      });
    }
  }
  ret.start.push(ret.line.length);
  rr.count = ret.ids.length;
  pr.value = cents(pr.value);
  rr.value = cents(rr.value);
  rr.unlinkedValue = cents(rr.unlinkedValue);
  const members = orderMembers(h);
  const first = R > 0 ? h.receiptAt.get(byTime[0] ?? 0) : Infinity;
  const events = orderEvents(h, byTime, ret.receipt, members, signUps ? first : Infinity, report);
  return {
    raw: h,
    currency,
    receiptStart,
    lineOrder,
    linePos,
    returnReceipt: ret.receipt.data.slice(0, ret.receipt.length),
    returnPurchase: ret.purchase.data.slice(0, ret.purchase.length),
    returnIds: ret.ids,
    returnTotal: ret.total.data.slice(0, ret.total.length),
    returnStart: ret.start.data.slice(0, ret.start.length),
    returnLine: ret.line.data.slice(0, ret.line.length),
    returnQuantity: ret.qty.data.slice(0, ret.qty.length),
    memberOrder: members.order,
    memberJoinedAt: members.joinedAt,
    ...events,
  };
}

function orderMembers(h: RawHistory): { order: Int32Array; joinedAt: Float64Array } {
  const ids = [...h.memberJoinedAt.keys()];
  ids.sort((a, b) => (h.memberJoinedAt.get(a) ?? 0) - (h.memberJoinedAt.get(b) ?? 0) || a - b);
  return { order: Int32Array.from(ids), joinedAt: Float64Array.from(ids, (m) => h.memberJoinedAt.get(m) ?? 0) };
}

function orderEvents(
  h: RawHistory,
  byTime: Int32Array,
  returnReceipt: I32Column,
  members: { order: Int32Array; joinedAt: Float64Array },
  signUpsFrom: number,
  report: ImportReport,
): { events: Int32Array; eventAt: Float64Array } {
  const codes = new I32Column();
  const ats = new F64Column();
  members.order.forEach((_, i) => {
    const at = members.joinedAt[i] ?? 0;
    if (at < signUpsFrom) return;
    codes.push(i * 4);
    ats.push(at);
  });
  report.members.signUps = codes.length;
  for (const r of byTime) if (!h.receiptIsReturn.get(r)) {
    codes.push(r * 4 + 1);
    ats.push(h.receiptAt.get(r));
  }
  for (let i = 0; i < returnReceipt.length; i++) {
    codes.push(i * 4 + 2);
    ats.push(h.receiptAt.get(returnReceipt.get(i)));
  }
  const perm = Int32Array.from({ length: codes.length }, (_, i) => i).sort((a, b) => {
    const ca = codes.get(a);
    const cb = codes.get(b);
    return ats.get(a) - ats.get(b) || (ca & 3) - (cb & 3) || ca - cb;
  });
  return { events: Int32Array.from(perm, (i) => codes.get(i)), eventAt: Float64Array.from(perm, (i) => ats.get(i)) };
}
