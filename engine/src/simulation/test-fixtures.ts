import type { ProgramSpecInput } from '../spec';
import { ProgramSpec } from '../spec';
import type { SimEvent, SimMember, SyncDataset } from './datasets';
import { toAsync } from './datasets';

/**
 * A small, hand-checked program for replay tests: 1 point per EUR (floor), 2 days pending,
 * points expire one month after they were earned, one reward of 30 points; UTC, no tiers.
 */
export function tinyProgram(overrides: Partial<ProgramSpecInput> = {}): ProgramSpec {
  return ProgramSpec.parse({
    program: { name: 'Tiny', currency: 'EUR', pointValue: 0.01, timezone: 'UTC' },
    promotionGroups: [{ id: 'base', name: 'Base', priority: 0, stacking: 'stack' }],
    earningRules: [{ id: 'rule-base', name: '1 per EUR', groupId: 'base', trigger: { kind: 'purchase' }, effect: { kind: 'per-currency-unit', points: 1, unitAmount: 1 } }],
    pointsLifecycle: { pendingDays: 2, expiry: { kind: 'rolling', months: 1 }, rounding: 'floor' },
    rewards: [{ id: 'reward-30', name: '30 off', offer: { kind: 'voucher', value: 3 }, cost: 30 }],
    ...overrides,
  } satisfies ProgramSpecInput);
}

/** An in-memory dataset over members and (time-ordered) events. */
export function memoryDataset(members: SimMember[], events: SimEvent[], end?: number): SyncDataset {
  return {
    id: 'memory',
    name: 'In-memory history',
    description: 'test',
    ...(end !== undefined ? { stats: { end } } : {}),
    members: () => members,
    eventsSync: () => events,
    events: () => toAsync(events),
  };
}

const at = (iso: string): number => Date.parse(iso);
const item = (ref: string, sku: string, quantity: number, price: number) => ({ ref, sku, quantity, price });

/**
 * The hand-checked history (see replay.test.ts for the arithmetic): two members, four purchases,
 * two returns, one redemption, expiry in February.
 */
export function tinyHistory(): SyncDataset {
  const joined = at('2024-06-01T00:00:00Z');
  const members: SimMember[] = [
    { id: 'm1', joinedAt: joined, attributes: {} },
    { id: 'm2', joinedAt: joined, attributes: {} },
  ];
  const purchase = (id: string, when: string, memberId: string, items: ReturnType<typeof item>[]): SimEvent => ({
    kind: 'purchase',
    id,
    at: at(when),
    memberId,
    storeId: 's1',
    channel: 'store',
    total: items.reduce((s, i) => s + i.price * i.quantity, 0),
    currency: 'EUR',
    items,
  });
  const events: SimEvent[] = [
    purchase('p1', '2025-01-01T10:00:00Z', 'm1', [item('l1', 'A', 2, 10), item('l2', 'B', 1, 5)]),
    { kind: 'return', id: 'r1', at: at('2025-01-02T10:00:00Z'), memberId: 'm1', purchaseId: 'p1', total: 5, items: [{ ref: 'l2', quantity: 1 }] },
    purchase('p2', '2025-01-05T10:00:00Z', 'm1', [item('l1', 'C', 1, 12)]),
    purchase('p3', '2025-01-08T10:00:00Z', 'm2', [item('l1', 'D', 4, 10)]),
    purchase('p4', '2025-01-10T10:00:00Z', 'm1', [item('l1', 'E', 1, 0.5)]),
    { kind: 'return', id: 'r2', at: at('2025-01-20T10:00:00Z'), memberId: 'm1', purchaseId: 'p2', total: 12, items: [{ ref: 'l1', quantity: 1 }] },
  ];
  return memoryDataset(members, events, at('2025-03-01T00:00:00Z'));
}
