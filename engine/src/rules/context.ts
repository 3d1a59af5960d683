import type { EvaluationFacts } from './facts';
import type { LocalClock } from './local-time';

/**
 * Per-event values computed once before any rule runs: local calendar position in the program
 * time zone, the event total and item count (with their defaults), and line amounts.
 */
export interface EvalContext {
  readonly facts: EvaluationFacts;
  /** Local day (days since 1970-01-01) in the program time zone. */
  readonly day: number;
  /** 0 = Monday ... 6 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
  /** `event.total`, or the sum of line amounts when the event has none. */
  readonly total: number;
  /** `event.itemCount`, or the sum of line quantities. */
  readonly itemCount: number;
  /** price x quantity per line, aligned with `facts.items`. */
  readonly amounts: readonly number[];
  readonly amountSum: number;
}

/** Builds the per-event context. @example prepareContext(facts, createLocalClock('UTC')).weekday */
export function prepareContext(facts: EvaluationFacts, clock: LocalClock): EvalContext {
  const items = facts.items;
  const amounts = new Array<number>(items.length);
  let amountSum = 0;
  let quantity = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const a = it.price * it.quantity;
    amounts[i] = a;
    amountSum += a;
    quantity += it.quantity;
  }
  const t = clock(facts.event.at);
  return {
    facts,
    day: t.day,
    weekday: t.weekday,
    minutes: t.minutes,
    total: facts.event.total ?? amountSum,
    itemCount: facts.event.itemCount ?? quantity,
    amounts,
    amountSum,
  };
}
