import type { DbTx } from '../db';
import type { RuleAward } from '../db/schema';
import type { PostedTransaction } from '../ledger';
import { bookEarn } from '../ledger';
import type { MemberRow } from '../members';
import type { CapWindows, EvaluationFacts, EvaluationResult } from '../rules';
import { evaluate } from '../rules';
import type { ProgramRuntime } from './program-runtime';
import { addToRuleTotals, awardLinesOf, awardsPerRule, insertAwardRows, loadCounters } from './rule-awards';

/** `awards`: per rule, what the event earned; a purchase keeps them on its row. */
export type BookedEarning = { result: EvaluationResult; posted: PostedTransaction | undefined; windows: CapWindows; awards: RuleAward[] };

/**
 * Evaluates an event with the member's counters and books the result in the caller's
 * transaction: one ledger earn (`transactionId`, with the version id), the rules' member and
 * campaign totals that caps read, and for other events than purchases the per-rule award rows
 * (a purchase stores the returned `awards` on its own row, where returns read them). Nothing is
 * booked when the rules give 0 points.
 * @example bookEarning(tx, { runtime, member, facts, source: { kind: 'purchase', id, purchaseId: id }, transactionId: `purchase:${id}`, pendingDays: 30 })
 */
export function bookEarning(
  tx: DbTx,
  args: {
    runtime: ProgramRuntime;
    member: MemberRow;
    facts: EvaluationFacts;
    source: { kind: 'purchase' | 'event'; id: string; purchaseId: string | null };
    transactionId: string;
    pendingDays: number;
    occurredAt: string;
    metadata?: Record<string, unknown>;
  },
): BookedEarning {
  const { runtime, member, facts } = args;
  const windows = runtime.compiled.windowsAt(facts.event.at);
  const counters = loadCounters(tx, member.programId, member, runtime.compiled, facts.event, windows);
  const result = evaluate(runtime.compiled, facts, counters);
  if (result.points <= 0) return { result, posted: undefined, windows, awards: [] };
  const posted = bookEarn(
    tx,
    {
      transactionId: args.transactionId,
      programId: member.programId,
      memberId: member.id,
      points: result.points,
      programVersionId: runtime.versionId,
      sourceRef: `${args.source.kind}:${args.source.id}`,
      reason: null,
      occurredAt: args.occurredAt,
      pendingDays: args.pendingDays,
      expiry: runtime.spec.pointsLifecycle.expiry,
      metadata: { ...args.metadata, rules: result.lines.map((l) => ({ ruleId: l.ruleId, points: l.points })) },
    },
    { member },
  );
  const source = {
    programId: member.programId,
    memberId: member.id,
    versionId: runtime.versionId,
    sourceKind: args.source.kind,
    sourceId: args.source.id,
    purchaseId: args.source.purchaseId,
    occurredAt: args.occurredAt,
    windows,
  };
  const awards = awardsPerRule(awardLinesOf(result));
  if (args.source.kind !== 'purchase') insertAwardRows(tx, source, awards);
  addToRuleTotals(tx, source, awards);
  return { result, posted, windows, awards };
}
