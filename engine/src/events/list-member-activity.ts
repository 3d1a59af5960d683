import { z } from 'zod';
import type { DbTx } from '../db';
import { listMemberHistory } from '../ledger';
import { requireProgramMember } from './resolve-member';

export const ListMemberActivityInput = z.object({
  programId: z.string().min(1),
  memberId: z.string().min(1),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type ListMemberActivityInput = z.input<typeof ListMemberActivityInput>;

export type ActivityItem = {
  id: string;
  kind: string;
  /** Change of the member's points (available + pending + reserved); reservations move points without changing it. */
  points: number;
  occurredAt: string;
  description: string;
};

const LABELS: Record<string, string> = {
  earn: 'Points earned',
  release: 'Points became available',
  redeem: 'Points redeemed',
  reserve: 'Points reserved for a reward',
  'commit-reservation': 'Reward redeemed',
  'cancel-reservation': 'Reservation released',
  expire: 'Points expired',
  reverse: 'Points taken back after a return',
  adjust: 'Points adjusted',
  merge: 'Points moved from a merged account',
  hold: 'Points held for review',
  'release-hold': 'Held points released',
  refund: 'Points refunded for returned items',
};

/** Paying part of a purchase with points moves points like a reward does; its source tells them apart. */
const POINTS_PAYMENT_LABELS: Record<string, string> = {
  reserve: 'Points reserved to pay part of a purchase',
  redeem: 'Paid part of a purchase with points',
  'commit-reservation': 'Paid part of a purchase with points',
  'cancel-reservation': 'Points payment released',
};

function descriptionOf(t: { kind: string; sourceRef: string | null; relatedTransactionId: string | null }): string {
  const pointsPayment = t.sourceRef?.startsWith('points-payment:') || t.relatedTransactionId?.startsWith('pay-reserve:');
  return (pointsPayment ? POINTS_PAYMENT_LABELS[t.kind] : undefined) ?? LABELS[t.kind] ?? t.kind;
}

/**
 * A member's points history for self-service, newest first, one line per ledger transaction.
 * @example listMemberActivity({ ctx: { db }, input: { programId, memberId, limit: 20 } }).items[0].description // 'Points earned'
 */
export function listMemberActivity({ ctx, input }: { ctx: { db: DbTx }; input: ListMemberActivityInput }): { items: ActivityItem[]; nextCursor: string | null } {
  const req = ListMemberActivityInput.parse(input);
  requireProgramMember(ctx.db, req.programId, req.memberId);
  const page = listMemberHistory({ ctx, input: req });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ transaction: t, postings }) => ({
      id: t.id,
      kind: t.kind,
      points: postings.filter((p) => p.accountId.includes(':member-')).reduce((s, p) => s + p.amount, 0),
      occurredAt: t.occurredAt,
      description: descriptionOf(t),
    })),
  };
}
