import { eq, sql } from 'drizzle-orm';
import { preparedQuery, type DbTx } from '../db';
import { purchases } from '../db/schema';
import type { MemberRow } from '../members';
import type { EvaluationFacts, FactEvent, FactItem } from '../rules';
import { memberAggregates } from './history-metrics';
import { memberFacts } from './member-facts';
import type { ProgramRuntime } from './program-runtime';

/**
 * Everything the rules read for one event: the event, its lines, the member as of just before
 * it, and the history aggregates the compiled program needs (and only those).
 * @example eventFacts(db, runtime, member, { kind: 'purchase', at: Date.now(), channel: 'store' }, items)
 */
export function eventFacts(tx: DbTx, runtime: ProgramRuntime, member: MemberRow | undefined, event: FactEvent, items: FactItem[] = []): EvaluationFacts {
  return {
    event,
    items,
    member: member ? memberFacts(tx, member, event.at) : {},
    aggregates: memberAggregates(tx, member?.id, event.at, runtime.compiled.requiredAggregates),
  };
}

const anyPurchaseOf = preparedQuery((db) => db.select({ id: purchases.id }).from(purchases).where(eq(purchases.memberId, sql.placeholder('memberId'))).limit(1).prepare());

/** True when the member has no purchase on record yet (`event.isFirstPurchase`). */
export function isFirstPurchase(tx: DbTx, memberId: string): boolean {
  return !anyPurchaseOf(tx).get({ memberId });
}
