import { z } from 'zod';
import type { Guardrails, RolloutStage } from './contract';

const DAY = 24 * 60;

export const StageInput = z.object({
  name: z.string().trim().min(1).max(60),
  canaryShare: z.number().int().min(0).max(10_000).describe('Share of members on the new version, in basis points (500 = 5 %)'),
  members: z.array(z.string().min(1)).max(1000).default([]).describe('Members who get the new version in this stage whatever the share'),
  durationMinutes: z.number().int().min(1).max(90 * DAY),
});

export const GuardrailsInput = z.object({
  checkEveryMinutes: z.number().int().min(1).max(DAY).default(30),
  minPurchases: z.number().int().min(1).default(20),
  maxPointsPerPurchaseVsControl: z.number().gt(1).default(1.5),
  maxPointsPerPurchaseVsForecast: z.number().gt(1).default(1.5),
  maxErrorRateIncrease: z.number().min(0).max(1).default(0.02),
  maxFraudFlagsPer1000Increase: z.number().min(0).default(5),
  onBreach: z.enum(['pause', 'rollback']).default('rollback'),
});

/** The default guardrails: check every 30 minutes, roll back when points per purchase run 50 % over. */
export const DEFAULT_GUARDRAILS: Guardrails = GuardrailsInput.parse({});

/**
 * Internal test members first (when there are any), then 5 %, 25 % and 100 % of members.
 * @example defaultStages(['m-staff-1']).map((s) => s.name) // ['Internal test members', '5 %', '25 %', '100 %']
 */
export function defaultStages(testMembers: string[]): RolloutStage[] {
  const internal: RolloutStage[] = testMembers.length ? [{ name: 'Internal test members', canaryShare: 0, members: testMembers, durationMinutes: DAY }] : [];
  return [
    ...internal,
    { name: '5 %', canaryShare: 500, members: [], durationMinutes: 2 * DAY },
    { name: '25 %', canaryShare: 2500, members: [], durationMinutes: 2 * DAY },
    { name: '100 %', canaryShare: 10_000, members: [], durationMinutes: DAY },
  ];
}

/**
 * Problems with a stage plan, in words: shares must grow and the last stage must reach everyone.
 * @example planProblems([{ name: '5 %', canaryShare: 500, members: [], durationMinutes: 60 }]) // ['The last stage must reach 100 % of members (10000).']
 */
export function planProblems(stages: RolloutStage[]): string[] {
  const problems: string[] = [];
  if (stages.at(-1)?.canaryShare !== 10_000) problems.push('The last stage must reach 100 % of members (10000).');
  stages.forEach((s, i) => {
    const before = stages[i - 1];
    if (before && s.canaryShare < before.canaryShare) problems.push(`Stage '${s.name}' gives fewer members the new version than the stage before it.`);
  });
  return problems;
}

/** Members who get the new version in stage `index`: those named in it and in every stage before. */
export function stageMembers(stages: RolloutStage[], index: number): string[] {
  return [...new Set(stages.slice(0, index + 1).flatMap((s) => s.members))];
}
