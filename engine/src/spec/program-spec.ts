import { z } from 'zod';
import { CommunicationSettings } from './communication';
import { EarningRule } from './earning';
import { FraudRule } from './fraud';
import { Journey } from './journeys';
import { PointsLifecycle } from './lifecycle';
import { MessageTemplate } from './messages';
import { ProgramSettings } from './program';
import { PromotionGroup } from './promotions';
import { Reward, SpendingRules } from './rewards';
import { Scenario } from './scenarios';
import { Segment } from './segments';
import { Tiers, TierPolicy } from './tiers';

/** The current version of the spec format. */
export const SPEC_VERSION = 1 as const;

/**
 * The whole program concept: the single source of truth. Everything but `program.name` has a default.
 * References between collections are by id: earningRules[].groupId -> promotionGroups, rewards[].minTierId -> tiers,
 * journeys[].trigger.segmentId / audienceSegmentId -> segments, journey send steps -> messages,
 * conditions' `in-segment` -> segments and `member.tier` values -> tiers, scenarios' tierId -> tiers.
 * @example ProgramSpec.parse({ program: { name: 'Bean Club' } }).tiers // []
 */
export const ProgramSpec = z
  .object({
    specVersion: z.literal(SPEC_VERSION).default(SPEC_VERSION).describe('Version of the spec format'),
    program: ProgramSettings,
    tiers: Tiers,
    tierPolicy: TierPolicy.prefault({}),
    promotionGroups: z.array(PromotionGroup).default([]).describe('Promotion groups, with priority and stacking'),
    earningRules: z.array(EarningRule).default([]).describe('Ways to earn points'),
    pointsLifecycle: PointsLifecycle.prefault({}),
    rewards: z.array(Reward).default([]).describe('Reward catalog'),
    spending: SpendingRules.prefault({}),
    segments: z.array(Segment).default([]).describe('Member segments'),
    fraudRules: z.array(FraudRule).default([]).describe('Fraud rules'),
    messages: z.array(MessageTemplate).default([]).describe('Message templates'),
    journeys: z.array(Journey).default([]).describe('Journeys'),
    communication: CommunicationSettings.prefault({}),
    scenarios: z.array(Scenario).default([]).describe('Scenario tests written by the team'),
  })
  .meta({ title: 'Loyalty program concept', description: 'The whole loyalty program concept' });
export type ProgramSpec = z.infer<typeof ProgramSpec>;

/** What authors write: like ProgramSpec, with every defaulted field optional. */
export type ProgramSpecInput = z.input<typeof ProgramSpec>;

/**
 * A new, empty program with one base promotion group, ready to add rules to.
 * @example blankProgram('Bean Club').program.pointsName // 'Points'
 */
export function blankProgram(name: string): ProgramSpec {
  return ProgramSpec.parse({
    program: { name },
    promotionGroups: [{ id: 'base', name: 'Base earning', priority: 0, stacking: 'stack' }],
  });
}
