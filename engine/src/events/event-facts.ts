import type { DbTx } from '../db';
import type { MemberRow } from '../members';
import type { AggregateNeed, EvaluationFacts, FactEvent, FactItem } from '../rules';
import { memberAggregates } from './history-metrics';
import { memberFacts } from './member-facts';
import type { ProgramRuntime } from './program-runtime';

/**
 * Everything the rules read for one event: the event, its lines, the member as of just before
 * it, and the history aggregates `aggregates` lists (by default all the compiled program's
 * conditions read; events that only earn pass `compiled.earningAggregates`). A member's purchase
 * is their first (`event.isFirstPurchase`) when they have no last purchase yet.
 * @example eventFacts(db, runtime, member, { kind: 'purchase', at: Date.now(), channel: 'store' }, items, runtime.compiled.earningAggregates)
 */
export function eventFacts(
  tx: DbTx,
  runtime: ProgramRuntime,
  member: MemberRow | undefined,
  event: FactEvent,
  items: FactItem[] = [],
  aggregates: readonly AggregateNeed[] = runtime.compiled.requiredAggregates,
): EvaluationFacts {
  const facts = member ? memberFacts(tx, member, event.at) : {};
  return {
    event: member && event.kind === 'purchase' ? { ...event, isFirstPurchase: facts.lastPurchaseOn === undefined } : event,
    items,
    member: facts,
    aggregates: memberAggregates(tx, member, event.at, aggregates),
  };
}
