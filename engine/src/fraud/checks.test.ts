import { describe, expect, it } from 'vitest';
import type { FraudRule } from '../spec';
import { checkRule, fraudChecks } from './checks';

const rule = (check: FraudRule['check'], extra: Partial<FraudRule> = {}): FraudRule => ({ id: `r-${check.kind}`, name: check.kind, check, action: 'flag', enabled: true, ...extra });

describe('fraud checks', () => {
  it('velocity fires above maxEvents within the window, on purchases only', () => {
    const r = rule({ kind: 'velocity', maxEvents: 5, withinMinutes: 10 });
    expect(checkRule(r, { kind: 'purchase', recentPurchases: new Map([[10, 12]]) })).toBe('12 purchases within 10 minutes (limit 5)');
    expect(checkRule(r, { kind: 'purchase', recentPurchases: new Map([[10, 5]]) })).toBeNull();
    expect(checkRule(r, { kind: 'return', recentPurchases: new Map([[10, 12]]) })).toBeNull();
    expect(checkRule(r, { kind: 'purchase' })).toBeNull();
  });

  it('amount fires above the limit', () => {
    const r = rule({ kind: 'amount', maxPurchaseAmount: 500 });
    expect(checkRule(r, { kind: 'purchase', amount: 900.5 })).toBe('Purchase of 900.5 is above the limit of 500');
    expect(checkRule(r, { kind: 'purchase', amount: 500 })).toBeNull();
  });

  it('return-ratio fires on returns above the share', () => {
    const r = rule({ kind: 'return-ratio', maxRatio: 0.5, overDays: 30 });
    expect(checkRule(r, { kind: 'return', returnRatio: new Map([[30, { returned: 80, purchased: 100 }]]) })).toBe('Returned 80 of 100 purchased over 30 days (80 %, limit 50 %)');
    expect(checkRule(r, { kind: 'return', returnRatio: new Map([[30, { returned: 50, purchased: 100 }]]) })).toBeNull();
    expect(checkRule(r, { kind: 'return', returnRatio: new Map([[30, { returned: 10, purchased: 0 }]]) })).toBeNull();
  });

  it('shared-identifier fires above maxMembers', () => {
    const r = rule({ kind: 'shared-identifier', identifier: 'device', maxMembers: 2 });
    expect(checkRule(r, { kind: 'purchase', sharedMembers: new Map([['device', 3]]) })).toBe('3 members share this device (limit 2)');
    expect(checkRule(r, { kind: 'purchase', sharedMembers: new Map([['device', 2]]) })).toBeNull();
  });

  it('staff-self-award fires when the staff member credits themselves', () => {
    const r = rule({ kind: 'staff-self-award' });
    expect(checkRule(r, { kind: 'adjustment', staffSelfAward: true })).toMatch(/own member account/);
    expect(checkRule(r, { kind: 'adjustment', staffSelfAward: false })).toBeNull();
  });

  it('fraudChecks skips disabled rules and keeps spec order', () => {
    const rules = [rule({ kind: 'amount', maxPurchaseAmount: 10 }, { id: 'a' }), rule({ kind: 'amount', maxPurchaseAmount: 10 }, { id: 'b', enabled: false }), rule({ kind: 'velocity', maxEvents: 1, withinMinutes: 5 }, { id: 'c' })];
    const fired = fraudChecks(rules, { kind: 'purchase', amount: 20, recentPurchases: new Map([[5, 2]]) });
    expect(fired.map((f) => f.rule.id)).toEqual(['a', 'c']);
  });
});
