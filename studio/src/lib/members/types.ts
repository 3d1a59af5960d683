import type { trpc } from '$lib/trpc';
import type { PillTone } from '$lib/ui';

/** What `members.get` answers: profile, balance, a page of history and the adjustments. */
export type MemberDetail = Awaited<ReturnType<typeof trpc.members.get.query>>;
export type MemberProfile = MemberDetail['member'];
export type MemberBalance = MemberDetail['balance'];
export type HistoryItem = MemberDetail['history']['items'][number];
export type AdjustmentRequest = MemberDetail['adjustments'][number];
export type HeldPoints = MemberDetail['heldPoints'][number];

/** The colour of a member's status wherever it is shown. */
export const MEMBER_STATUS_TONE: Record<MemberProfile['status'], PillTone> = { active: 'ok', blocked: 'bad', merged: 'neutral' };

/**
 * How a transaction changed the member's spendable and pending points, from its postings to the
 * member's own accounts (ids `<memberId>:member-available` and `<memberId>:member-pending`).
 * @example pointsChange(item) // { available: 50, pending: 0 }
 */
export function pointsChange(item: HistoryItem): { available: number; pending: number } {
  const owner = item.transaction.memberId;
  const sum = (kind: string) => item.postings.filter((p) => p.accountId === `${owner}:${kind}`).reduce((n, p) => n + p.amount, 0);
  return { available: sum('member-available'), pending: sum('member-pending') };
}
