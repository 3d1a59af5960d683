import { trpc } from '$lib/trpc';

export type RolloutState = Awaited<ReturnType<typeof trpc.rollouts.state.query>>;
export type RolloutRow = Awaited<ReturnType<typeof trpc.rollouts.list.query>>[number];
export type RolloutStage = RolloutState['stages'][number];
export type RolloutAction = 'pause' | 'resume' | 'promote' | 'abort';

/** Basis points as a percentage: 500 -> '5 %'. */
export const share = (bp: number): string => `${+(bp / 100).toFixed(2)} %`;

/** Minutes as words: 2880 -> '2 days'. */
export function duration(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes >= 60) return `${+(minutes / 60).toFixed(1)} h`;
  return `${Math.round(minutes)} min`;
}

/** Words for a rollout's status. */
export const ROLLOUT_STATUS: Record<RolloutState['status'], string> = {
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed: everyone has the new version',
  aborted: 'Aborted: everyone is back on the old version',
  'rolled-back': 'Rolled back by a guardrail',
};

/** The live state of a version's rollout, or null when it has none yet. */
export async function loadRollout(versionId: string): Promise<RolloutState | null> {
  try {
    return await trpc.rollouts.state.query({ versionId });
  } catch (e) {
    if ((e as { data?: { code?: string } }).data?.code === 'NOT_FOUND') return null;
    throw e;
  }
}
