import { z } from 'zod';
import { DatedPoints, RewardOption } from './common';

export const MeBalance = z.object({
  pointsName: z.string(),
  available: z.number().int(),
  pending: z.number().int().describe('Earned, not spendable yet (return window, or held for review)'),
  held: z.number().int().describe('Part of pending held for review by the program; released or taken back by support'),
  reserved: z.number().int(),
  expiringSoon: z.array(DatedPoints).describe('Available points expiring in the next 30 days, by date'),
  becomingAvailable: z.array(DatedPoints),
});

const TierStep = z.object({ id: z.string(), name: z.string(), threshold: z.number() });
export const MeTier = z.object({
  current: TierStep.nullable(),
  next: TierStep.nullable(),
  metric: z.enum(['points', 'spend', 'visits']),
  value: z.number().describe('The metric in the current qualification window'),
  remaining: z.number().describe('Still needed for the next tier'),
  toKeep: z.number().describe('Still needed to keep the current tier at the next re-check'),
  window: z.object({ from: z.string(), to: z.string() }),
});

export const MeRewards = z.object({ available: z.number().int(), rewards: z.array(RewardOption) });

export const HistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).optional(), cursor: z.string().max(500).optional() }).strict();
export const MeHistory = z.object({
  items: z.array(z.object({ id: z.string(), kind: z.string(), points: z.number().int(), occurredAt: z.string(), description: z.string() })),
  nextCursor: z.string().nullable(),
});

export const MeRedeemBody = z.object({ rewardId: z.string().min(1).max(100) }).strict().meta({ id: 'MeRedeemRequest' });
