import type { RolloutEventKind, RolloutStatus } from '../db/schema/rollouts';

/**
 * What the engine and the rollout workflow agree on: names and shapes only (the engine never
 * imports the workflows package; the workflow imports these types with `import type`).
 */
export const ROLLOUT_WORKFLOW = 'rolloutWorkflow';
export const ROLLOUT_UPDATES = { pause: 'pause', resume: 'resume', promote: 'promote', abort: 'abort' } as const;
export const ROLLOUT_QUERIES = { state: 'state' } as const;
export type RolloutUpdateName = (typeof ROLLOUT_UPDATES)[keyof typeof ROLLOUT_UPDATES];

/**
 * Deterministic per version: starting the rollout of a version that is already rolling out is refused.
 * @example rolloutWorkflowId('v-7') // 'rollout-v-7'
 */
export function rolloutWorkflowId(versionId: string): string {
  return `rollout-${versionId}`;
}

/** A stage: these members plus `canaryShare` basis points (0-10000) of all members get the new version. */
export type RolloutStage = { name: string; canaryShare: number; members: string[]; durationMinutes: number };

/** Limits that stop a rollout; ratios compare the new version with the control group and the forecast. */
export type Guardrails = {
  checkEveryMinutes: number;
  /** Fewer purchases on the new version than this: too early to judge, no breach. */
  minPurchases: number;
  /** Points per purchase of the new version divided by the old one's. */
  maxPointsPerPurchaseVsControl: number;
  /** Points per purchase of the new version divided by the forecast. */
  maxPointsPerPurchaseVsForecast: number;
  /** Share of events that failed, above the control's share by more than this (0.02 = 2 points). */
  maxErrorRateIncrease: number;
  /** Fraud flags per 1000 events, above the control's by more than this. */
  maxFraudFlagsPer1000Increase: number;
  onBreach: 'pause' | 'rollback';
};

/** Expected figures of the new version from a simulation; null when nobody forecast it. */
export type RolloutForecast = { pointsPerPurchase: number | null };

export type RolloutActor = { userId: string; displayName: string };

export type RolloutInput = {
  rolloutId: string;
  programId: string;
  versionId: string;
  versionNumber: number;
  /** The version members have now: the control group and what a rollback returns to. */
  fromVersionId: string;
  stages: RolloutStage[];
  guardrails: Guardrails;
  forecast: RolloutForecast;
  startedBy: RolloutActor;
};

/** Live figures of one version since the rollout started. */
export type VersionFigures = {
  versionId: string;
  purchases: number;
  pointsIssued: number;
  pointsPerPurchase: number | null;
  errors: number;
  errorRate: number;
  fraudFlags: number;
  fraudFlagsPer1000: number;
};

export type GuardrailCheck = { at: string; breached: boolean; reasons: string[]; canary: VersionFigures; control: VersionFigures };

export type RolloutControlArgs = { actor: RolloutActor; reason?: string };

export type RolloutEvent = { seq: number; kind: RolloutEventKind; actor: string; reason: string; data?: Record<string, unknown>; at: string };

/** What the `state` query answers and the workflow returns. */
export type RolloutState = {
  rolloutId: string;
  programId: string;
  versionId: string;
  fromVersionId: string;
  status: RolloutStatus;
  stageIndex: number;
  stages: RolloutStage[];
  /** Minutes left in the current stage, not counting paused time. */
  stageMinutesLeft: number | null;
  lastCheck: GuardrailCheck | null;
  history: RolloutEvent[];
};
