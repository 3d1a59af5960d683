import { describe, expect, it } from 'vitest';
import { SimEvent, SimMember } from './model';

describe('model', () => {
  it('accepts ISO times and converts them to epoch ms', () => {
    expect(SimMember.parse({ id: 'm1', joinedAt: '2025-01-03T09:12:00Z' })).toEqual({ id: 'm1', joinedAt: Date.parse('2025-01-03T09:12:00Z'), attributes: {} });
    const e = SimEvent.parse({ kind: 'custom', id: 'c1', at: '2025-01-03T10:00:00+01:00', memberId: null, name: 'app-opened' });
    expect(e.at).toBe(Date.parse('2025-01-03T09:00:00Z'));
  });

  it('rejects malformed events with a path to the problem', () => {
    const bad = SimEvent.safeParse({
      kind: 'purchase', id: 'p1', at: 0, memberId: null, storeId: 's', channel: 'store', total: 1, currency: 'EUR',
      items: [{ ref: 'l1', sku: 'x', quantity: 0, price: 1 }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['items', 0, 'quantity']);
    expect(SimEvent.safeParse({ kind: 'refund', id: 'x', at: 0 }).success).toBe(false);
    expect(SimMember.safeParse({ id: 'm', joinedAt: '2025-01-01', attributes: { birthMonth: 13 } }).success).toBe(false);
  });
});
