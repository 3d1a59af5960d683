import { and, eq } from 'drizzle-orm';
import { preparedSql, type DbTx } from '../db';
import { members } from '../db/schema';
import type { FraudRule } from '../spec';
import { fraudChecks, type FiredRule, type FraudFacts } from './checks';
import { writeFraudEvent } from './fraud-outbox';
import { holdEarnedPoints } from '../ledger/hold-points';

/** The event being screened, as recorded by the caller in the same transaction. */
export type ScreenedEvent = {
  kind: 'purchase' | 'return';
  programId: string;
  versionId: string;
  memberId: string;
  /** `purchase:<id>` or `return:<id>`; names the event in the outbox payload. */
  eventRef: string;
  occurredAt: string;
  /** Purchase total (purchases). */
  amount?: number;
  /** The earn the event booked, if any: what `hold-points` holds. */
  earnTransactionId?: string | null;
};

/** What screening did: the rules that fired, whether the member was blocked and the event's points held. */
export type ScreenResult = { fired: FiredRule[]; blocked: boolean; held: boolean };

const NOTHING: ScreenResult = { fired: [], blocked: false, held: false };
const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();

/**
 * Screens a member's purchase or return against the version's enabled fraud rules, inside the
 * caller's transaction (after the event is recorded). Queries only the aggregates the enabled
 * rules need (nothing at all without enabled rules); per fired rule writes `fraud-flagged`
 * (ruleId, ruleName, action, reason, versionId, eventRef) and applies the action: `block` sets
 * the member to blocked (later purchases earn nothing), `notify-security` adds a
 * `security-notification`, `hold-points` holds what the event earned until a reviewer releases or
 * forfeits it (`decideHeldPoints`), `flag` only flags.
 * @example screenEvent(tx, spec.fraudRules, { kind: 'purchase', programId, versionId, memberId, eventRef: `purchase:${id}`, occurredAt, amount: total })
 */
export function screenEvent(tx: DbTx, rules: readonly FraudRule[], event: ScreenedEvent): ScreenResult {
  const enabled = rules.filter((r) => r.enabled);
  if (enabled.length === 0) return NOTHING;
  const fired = fraudChecks(enabled, gatherFacts(tx, enabled, event));
  let blocked = false;
  let held = false;
  for (const { rule, reason } of fired) {
    const base = { ruleId: rule.id, ruleName: rule.name, action: rule.action, reason, versionId: event.versionId, eventRef: event.eventRef };
    const idOf = (type: string) => `${event.eventRef}:${type}:${rule.id}`;
    writeFraudEvent(tx, { id: idOf('fraud-flagged'), type: 'fraud-flagged', programId: event.programId, memberId: event.memberId, payload: base, at: event.occurredAt });
    if (rule.action === 'notify-security') {
      writeFraudEvent(tx, { id: idOf('security-notification'), type: 'security-notification', programId: event.programId, memberId: event.memberId, payload: base, at: event.occurredAt });
    }
    if (rule.action === 'block') {
      tx.update(members).set({ status: 'blocked' }).where(and(eq(members.id, event.memberId), eq(members.status, 'active'))).run();
      blocked = true;
    }
    if (rule.action === 'hold-points' && event.earnTransactionId && !held) {
      held = holdEarnedPoints({ ctx: { db: tx }, input: { programId: event.programId, earnTransactionId: event.earnTransactionId, reason, ruleId: rule.id, occurredAt: event.occurredAt } }) !== undefined;
    }
  }
  return { fired, blocked, held };
}

/** Only the aggregates the enabled rules need for this kind of event. */
function gatherFacts(tx: DbTx, rules: readonly FraudRule[], event: ScreenedEvent): FraudFacts {
  const facts: FraudFacts = { kind: event.kind, amount: event.amount };
  for (const { check } of rules) {
    if (check.kind === 'velocity' && event.kind === 'purchase') {
      const counts = new Map(facts.recentPurchases ?? []);
      if (!counts.has(check.withinMinutes)) counts.set(check.withinMinutes, purchasesWithin(tx, event, check.withinMinutes));
      facts.recentPurchases = counts;
    }
    if (check.kind === 'return-ratio' && event.kind === 'return') {
      const ratios = new Map(facts.returnRatio ?? []);
      if (!ratios.has(check.overDays)) ratios.set(check.overDays, returnsOver(tx, event, check.overDays));
      facts.returnRatio = ratios;
    }
    // shared-identifier: email, phone and card are unique per program (members_program_* indexes),
    // so no more than one member can share them; devices are not recorded. Nothing to query.
    // staff-self-award: purchases and returns come from tills, not staff; it applies to adjustments.
  }
  return facts;
}

const purchasesBetween = preparedSql<{ n: number }>('select count(*) as n from purchases where member_id = ? and occurred_at > ? and occurred_at <= ?');

function purchasesWithin(tx: DbTx, e: ScreenedEvent, minutes: number): number {
  return purchasesBetween(tx).get(e.memberId, minus(e.occurredAt, minutes * 60_000), e.occurredAt)!.n;
}

const spentBetween = preparedSql<{ s: number }>('select coalesce(sum(total), 0) as s from purchases where member_id = ? and occurred_at > ? and occurred_at <= ?');
const returnedBetween = preparedSql<{ s: number }>('select coalesce(sum(amount), 0) as s from purchase_returns where member_id = ? and occurred_at > ? and occurred_at <= ?');

function returnsOver(tx: DbTx, e: ScreenedEvent, days: number): { returned: number; purchased: number } {
  const since = minus(e.occurredAt, days * 86_400_000);
  return { returned: returnedBetween(tx).get(e.memberId, since, e.occurredAt)!.s, purchased: spentBetween(tx).get(e.memberId, since, e.occurredAt)!.s };
}
