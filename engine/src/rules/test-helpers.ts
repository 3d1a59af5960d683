import type { ProgramSpecInput } from '../spec';
import { ProgramSpec } from '../spec';
import type { EvaluationFacts, FactEvent, FactItem } from './facts';

/** A purchase at an ISO instant, for tests. */
export function purchase(
  atIso: string,
  items: Omit<FactItem, 'ref'>[],
  extra: { event?: Partial<FactEvent>; member?: EvaluationFacts['member']; aggregates?: EvaluationFacts['aggregates'] } = {},
): EvaluationFacts {
  return {
    event: { kind: 'purchase', at: Date.parse(atIso), channel: 'store', ...extra.event },
    items: items.map((it, i) => ({ ref: `l${i + 1}`, ...it })),
    member: { tier: 'green', ...extra.member },
    aggregates: { ...extra.aggregates },
  };
}

/** Any other event at an ISO instant. */
export function eventAt(kind: EvaluationFacts['event']['kind'], atIso: string, extra: Partial<EvaluationFacts> = {}): EvaluationFacts {
  return { items: [], member: {}, aggregates: {}, ...extra, event: { kind, at: Date.parse(atIso), ...extra.event } };
}

type RuleInput = NonNullable<ProgramSpecInput['earningRules']>[number];

/** A purchase rule in group `groupId` with defaults filled in, for tests. */
export function rule(id: string, effect: RuleInput['effect'], more: Partial<RuleInput> = {}): RuleInput {
  return { id, name: id, groupId: 'base', trigger: { kind: 'purchase' }, effect, ...more };
}

/** A parsed program with tiers green (1x) / gold (1.5x) and the given groups and rules. */
export function program(earningRules: RuleInput[], promotionGroups: ProgramSpecInput['promotionGroups'] = [{ id: 'base', name: 'Base', priority: 0, stacking: 'stack' }], more: Partial<ProgramSpecInput> = {}): ProgramSpec {
  return ProgramSpec.parse({
    program: { name: 'Test', timezone: 'Europe/Berlin' },
    tiers: [
      { id: 'green', name: 'Green', threshold: 0 },
      { id: 'gold', name: 'Gold', threshold: 1000, benefits: { earnMultiplier: 1.5 } },
    ],
    promotionGroups,
    earningRules,
    ...more,
  });
}
