import type { CompactHistory } from './compact-history';
import { toAsync } from './iterate';
import type { SyncDataset, SimEvent, SimItem, SimMember, SimPurchase, SimReturn, SimReturnItem, SimSignUp } from './model';

const CHANNELS = new Set(['store', 'online', 'app', 'phone']);
const refOf = (pos: number): string => `l${pos + 1}`;

/** A history's columns and, per member (of `raw.memberIds`), their position in `members()`. */
interface Columns {
  c: CompactHistory;
  position: Int32Array;
}

/** `members()` position of a member (an index of `raw.memberIds`, -1 for guests), if it has one. */
function indexOf(position: Int32Array, member: number): number | undefined {
  const i = member >= 0 ? (position[member] ?? -1) : -1;
  return i >= 0 ? i : undefined;
}

/** Builds purchase `r` (a receipt index) from the columns. */
function purchaseAt({ c, position }: Columns, r: number): SimPurchase {
  const h = c.raw;
  const from = c.receiptStart[r] ?? 0;
  const to = c.receiptStart[r + 1] ?? 0;
  const items: SimItem[] = [];
  let cents = 0;
  for (let i = from; i < to; i++) {
    const l = c.lineOrder[i] ?? 0;
    const quantity = h.lineQuantity.get(l);
    const price = h.linePrice.get(l);
    cents += Math.round(quantity * price * 100);
    const item: SimItem = { ref: refOf(i - from), sku: h.skus.value(h.lineSku.get(l)), quantity, price };
    const category = h.lineCategory.get(l);
    const brand = h.lineBrand.get(l);
    if (category >= 0) item.category = h.labels.value(category);
    if (brand >= 0) item.brand = h.labels.value(brand);
    items.push(item);
  }
  const member = h.receiptMember.get(r);
  const channel = h.labels.value(h.receiptChannel.get(r));
  return {
    kind: 'purchase',
    id: h.receiptName(r),
    at: h.receiptAt.get(r),
    memberIndex: indexOf(position, member),
    memberId: member >= 0 ? h.memberIds.value(member) : null,
    storeId: h.labels.value(h.receiptStore.get(r)),
    channel: CHANNELS.has(channel) ? (channel as SimPurchase['channel']) : 'store',
    total: cents / 100,
    currency: c.currency,
    items,
  };
}

function returnAt({ c, position }: Columns, j: number): SimReturn {
  const h = c.raw;
  const r = c.returnReceipt[j] ?? 0;
  const items: SimReturnItem[] = [];
  for (let i = c.returnStart[j] ?? 0; i < (c.returnStart[j + 1] ?? 0); i++) {
    items.push({ ref: refOf(c.linePos[c.returnLine[i] ?? 0] ?? 0), quantity: c.returnQuantity[i] ?? 0 });
  }
  const member = h.receiptMember.get(r);
  return {
    kind: 'return',
    id: c.returnIds[j] ?? h.receiptName(r),
    at: h.receiptAt.get(r),
    memberIndex: indexOf(position, member),
    memberId: member >= 0 ? h.memberIds.value(member) : null,
    purchaseId: h.receiptName(c.returnPurchase[j] ?? 0),
    total: c.returnTotal[j] ?? 0,
    items,
  };
}

function memberAt(c: CompactHistory, i: number): SimMember {
  const m = c.memberOrder[i] ?? 0;
  return { id: c.raw.memberIds.value(m), joinedAt: c.memberJoinedAt[i] ?? 0, attributes: { ...c.raw.memberAttributes.get(m) } };
}

function* eventsOf(columns: Columns): Generator<SimEvent> {
  const { c } = columns;
  for (const code of c.events) {
    const index = code >> 2;
    const kind = code & 3;
    if (kind === 1) yield purchaseAt(columns, index);
    else if (kind === 2) yield returnAt(columns, index);
    else {
      const m = memberAt(c, index);
      const signUp: SimSignUp = { kind: 'sign-up', id: `signup-${m.id}`, at: m.joinedAt, memberIndex: index, memberId: m.id };
      yield signUp;
    }
  }
}

/**
 * A `Dataset` over an imported history. Events are built from the columns as they are iterated
 * (about 60 bytes per invoice line stay in memory, no event objects).
 * @example const ds = historyDataset(history, { id: 'shop-2024', name: 'Shop 2024', description: '...' });
 */
export function historyDataset(c: CompactHistory, info: { id: string; name: string; description: string }): SyncDataset {
  const position = new Int32Array(c.raw.memberIds.values.length).fill(-1);
  c.memberOrder.forEach((m, i) => (position[m] = i));
  const eventsSync = (): Iterable<SimEvent> => ({ [Symbol.iterator]: () => eventsOf({ c, position }) });
  const n = c.eventAt.length;
  let purchases = 0;
  for (let r = 0; r < c.raw.receiptAt.length; r++) if (!c.raw.receiptIsReturn.get(r)) purchases++;
  return {
    ...info,
    stats: {
      members: c.memberOrder.length,
      purchases,
      returns: c.returnIds.length,
      signUps: n - purchases - c.returnIds.length,
      ...(n > 0 ? { start: c.eventAt[0], end: c.eventAt[n - 1] } : {}),
      currency: c.currency,
    },
    *members() {
      for (let i = 0; i < c.memberOrder.length; i++) yield memberAt(c, i);
    },
    eventsSync,
    events: () => toAsync(eventsSync()),
  };
}
