/**
 * The rules room: the condition language compiled to closures, earning rules, promotion stacking,
 * caps and budgets, per-line attribution, and tier qualification. Pure functions over plain data.
 * @example
 *   import { compileProgram, evaluate } from './rules';
 *   const compiled = compileProgram(beanClub()); // once per program version
 *   const result = evaluate(compiled, facts, counters); // per event
 *   result.points; result.lines; result.skipped;
 */
export {
  EvaluationFacts,
  FactAggregates,
  FactEvent,
  FactEventKind,
  FactItem,
  FactMember,
  type Counters,
  type EvaluationFactsInput,
  type RuleCounters,
} from './facts';
export {
  compileCondition,
  compileItemPredicate,
  compilePredicate,
  createConditionEnv,
  type CompileConditionOptions,
  type ConditionEnv,
  type ItemPredicate,
  type Predicate,
} from './compile-condition';
export { prepareContext, type EvalContext } from './context';
export { compileEffect, type CompiledEffect, type EffectOutput } from './effects';
export {
  compileProgram,
  triggerKey,
  type AggregateNeed,
  type CompiledGroup,
  type CompiledProgram,
  type CompiledRule,
} from './compile-program';
export {
  evaluate,
  type EarnedLine,
  type EvaluationResult,
  type ItemPoints,
  type SkippedRule,
  type SkipReason,
} from './evaluate-event';
export { capRoom, type CapRoom, type LimitReason } from './caps';
export { addToCounters } from './counters';
export { apportion, roundPoints } from './apportion';
export {
  capWindowsOfDay,
  createLocalClock,
  dayOfIsoDate,
  isoDateOfDay,
  weekdayOfDay,
  type CapWindows,
  type LocalClock,
  type LocalMoment,
} from './local-time';
export {
  qualificationWindow,
  qualifiedTier,
  reviewTier,
  tierAfterActivity,
  tierCanChangeAfterActivity,
  tierProgress,
  type TierProgress,
  type TierReview,
} from './tiers';
