import type { DbTx } from '../db';
import { eventFacts } from '../events/event-facts';
import type { ProgramRuntime } from '../events/program-runtime';
import type { MemberRow } from '../members';
import { compilePredicate, createConditionEnv, prepareContext, type ConditionEnv, type Predicate } from '../rules';
import type { Condition } from '../spec';

// Runtimes and their specs are cached and immutable, so their conditions compile once per process.
const envs = new WeakMap<ProgramRuntime, ConditionEnv>();
const predicates = new WeakMap<Condition, Predicate>();

function predicateOf(runtime: ProgramRuntime, condition: Condition): Predicate {
  let p = predicates.get(condition);
  if (!p) {
    let env = envs.get(runtime);
    if (!env) envs.set(runtime, (env = createConditionEnv(runtime.spec.segments)));
    p = compilePredicate(condition, env);
    predicates.set(condition, p);
  }
  return p;
}

/**
 * Whether a condition about the member (a journey's branch or wait, an audience segment) holds at
 * `at`: member fields and history as the earning rules see them; no event is being evaluated.
 * @example memberMatches(db, runtime, member, { op: 'eq', field: 'member.tier', value: 'gold' }, Date.now())
 */
export function memberMatches(tx: DbTx, runtime: ProgramRuntime, member: MemberRow, condition: Condition, at: number): boolean {
  const facts = eventFacts(tx, runtime, member, { kind: 'custom', name: 'journey', at });
  return predicateOf(runtime, condition)(prepareContext(facts, runtime.compiled.clock));
}

/** Whether the member is in a segment of the version. @example inSegment(db, runtime, member, 'seg-vip', Date.now()) */
export function inSegment(tx: DbTx, runtime: ProgramRuntime, member: MemberRow, segmentId: string, at: number): boolean {
  const segment = runtime.spec.segments.find((s) => s.id === segmentId);
  return segment ? memberMatches(tx, runtime, member, segment.condition, at) : false;
}
