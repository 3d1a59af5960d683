import type { DbTx } from '../db';
import type { MemberRow } from '../members';
import type { EvaluationFacts, FactEvent, FactItem } from '../rules';
import { memberAggregates } from './history-metrics';
import { memberFacts } from './member-facts';
import type { ProgramRuntime } from './program-runtime';

/**
 * Everything the rules read for one event: the event, its lines, the member as of just before
 * it, and the history aggregates the compiled program needs (and only those). A member's
 * purchase is their first (`event.isFirstPurchase`) when they have no last purchase yet.
 * @example eventFacts(db, runtime, member, { kind: 'purchase', at: Date.now(), channel: 'store' }, items)
 */
export function eventFacts(tx: DbTx, runtime: ProgramRuntime, member: MemberRow | undefined, event: FactEvent, items: FactItem[] = []): EvaluationFacts {
  const facts = member ? memberFacts(tx, member, event.at) : {};
  return {
    event: member && event.kind === 'purchase' ? { ...event, isFirstPurchase: facts.lastPurchaseOn === undefined } : event,
    items,
    member: facts,
    aggregates: memberAggregates(tx, member, event.at, runtime.compiled.requiredAggregates),
  };
}
