import type { FraudRule } from '../spec';

/** What the service knows about the event being screened; absent facts mean "not measured". */
export type FraudFacts = {
  /** Which event is screened: velocity and amount look at purchases, return-ratio at returns. */
  kind: 'purchase' | 'return' | 'adjustment';
  /** Purchase total (purchases only). */
  amount?: number;
  /** The member's purchases within a rule's window, this one included, keyed by `withinMinutes`. */
  recentPurchases?: ReadonlyMap<number, number>;
  /** Returned amount / purchased amount over a rule's window, keyed by `overDays`. */
  returnRatio?: ReadonlyMap<number, { returned: number; purchased: number }>;
  /** Members sharing the member's identifier, keyed by identifier kind. */
  sharedMembers?: ReadonlyMap<string, number>;
  /** True when the member receiving points is the staff person awarding them. */
  staffSelfAward?: boolean;
};

/** A rule that fired, with a plain-language reason. */
export type FiredRule = { rule: FraudRule; reason: string };

const money = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * The reason one rule fires for these facts, or null. Pure; a fact that was not measured never fires.
 * @example checkRule({ id: 'v', name: 'Velocity', action: 'flag', enabled: true, check: { kind: 'velocity', maxEvents: 5, withinMinutes: 10 } }, { kind: 'purchase', recentPurchases: new Map([[10, 12]]) })
 * // '12 purchases within 10 minutes (limit 5)'
 */
export function checkRule(rule: FraudRule, facts: FraudFacts): string | null {
  const c = rule.check;
  switch (c.kind) {
    case 'velocity': {
      const n = facts.kind === 'purchase' ? facts.recentPurchases?.get(c.withinMinutes) : undefined;
      return n !== undefined && n > c.maxEvents ? `${n} purchases within ${c.withinMinutes} minutes (limit ${c.maxEvents})` : null;
    }
    case 'amount':
      return facts.kind === 'purchase' && facts.amount !== undefined && facts.amount > c.maxPurchaseAmount
        ? `Purchase of ${money(facts.amount)} is above the limit of ${money(c.maxPurchaseAmount)}`
        : null;
    case 'return-ratio': {
      const r = facts.kind === 'return' ? facts.returnRatio?.get(c.overDays) : undefined;
      if (!r || r.purchased <= 0) return null;
      const ratio = r.returned / r.purchased;
      return ratio > c.maxRatio
        ? `Returned ${money(r.returned)} of ${money(r.purchased)} purchased over ${c.overDays} days (${Math.round(ratio * 100)} %, limit ${Math.round(c.maxRatio * 100)} %)`
        : null;
    }
    case 'shared-identifier': {
      const n = facts.sharedMembers?.get(c.identifier);
      return n !== undefined && n > c.maxMembers ? `${n} members share this ${c.identifier} (limit ${c.maxMembers})` : null;
    }
    case 'staff-self-award':
      return facts.staffSelfAward ? 'A staff member awarded points to their own member account' : null;
  }
}

/**
 * The enabled rules that fire for these facts, in spec order, each with its reason.
 * @example fraudChecks(spec.fraudRules, { kind: 'purchase', amount: 900 }) // [{ rule: bigBasket, reason: 'Purchase of 900 is above the limit of 500' }]
 */
export function fraudChecks(rules: readonly FraudRule[], facts: FraudFacts): FiredRule[] {
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const reason = checkRule(rule, facts);
    if (reason) fired.push({ rule, reason });
  }
  return fired;
}
