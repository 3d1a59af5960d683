import { trpc } from '$lib/trpc';
import type { PillTone } from '$lib/ui';

export type ReviewState = Awaited<ReturnType<typeof trpc.approvals.state.query>>;
export type VersionStatusRow = Awaited<ReturnType<typeof trpc.approvals.statuses.query>>[number];
export type VersionStatus = VersionStatusRow['status'];

/** Words and colours for a version's status. */
export const STATUS_LABEL: Record<VersionStatus, { text: string; tone: PillTone }> = {
  draft: { text: 'Draft', tone: 'neutral' },
  'in-review': { text: 'In review', tone: 'info' },
  approved: { text: 'Approved', tone: 'ok' },
  rejected: { text: 'Rejected', tone: 'bad' },
  superseded: { text: 'Superseded', tone: 'neutral' },
  'rolling-out': { text: 'Rolling out', tone: 'info' },
  active: { text: 'Active', tone: 'ok' },
  retired: { text: 'Retired', tone: 'neutral' },
  'rolled-back': { text: 'Rolled back', tone: 'warn' },
};

/**
 * The live review of a program, or null when it never had one (or Temporal is not connected:
 * then `unavailable` says so).
 */
export async function loadReview(programId: string): Promise<{ state: ReviewState | null; unavailable?: string }> {
  try {
    return { state: await trpc.approvals.state.query({ programId }) };
  } catch (e) {
    const code = (e as { data?: { code?: string } }).data?.code;
    if (code === 'NOT_FOUND') return { state: null };
    if (code === 'SERVICE_UNAVAILABLE') return { state: null, unavailable: (e as Error).message };
    throw e;
  }
}
