import { preparedSql, type DbTx } from '../db';
import { historyMembers, memberIdIn, type HistoryOwner, type MemberRow } from '../members';
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
    aggregates: memberAggregates(tx, member, event.at, runtime.compiled.requiredAggregates),
  };
}

const anyPurchaseOf = {
  one: preparedSql<{ id: string }>(`select id from purchases where ${memberIdIn('member_id', 'one')} limit 1`),
  many: preparedSql<{ id: string }>(`select id from purchases where ${memberIdIn('member_id', 'many')} limit 1`),
};

/** True when neither the member nor anyone merged into it has a purchase on record yet (`event.isFirstPurchase`). */
export function isFirstPurchase(tx: DbTx, member: HistoryOwner): boolean {
  const who = historyMembers(tx, member);
  return !anyPurchaseOf[who.kind](tx).get(who.arg);
}
