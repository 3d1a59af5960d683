import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { members } from '../db/schema';
import { DomainError } from '../errors';
import { mergeBalances } from '../ledger/merge-balances';
import { writeOutboxEvent } from '../ledger/outbox';
import { foldMergedHistory } from './merge-history';
import { requireMemberRow, type MemberRow } from './member-store';
import { WRITE_TRANSACTION } from '../ledger/common-input';

export const MergeMembersInput = z.object({
  programId: z.string().min(1),
  /** The duplicate that goes away. */
  sourceMemberId: z.string().min(1),
  /** The member that carries on. */
  targetMemberId: z.string().min(1),
  actor: z.string().trim().min(1).max(200),
  reason: z.string().max(500).nullable().default(null),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type MergeMembersInput = z.input<typeof MergeMembersInput>;

/**
 * Merges a duplicate member into another, in one SQLite transaction:
 * - points: a ledger `merge` transaction moves every lot (pending and available, with their dates)
 *   and the lifetime counters (refused while the source holds a reservation);
 * - history: the source keeps its rows and points at the target (`merged_into`), members merged
 *   into the source are re-pointed to the target, and the target's ledger history includes them;
 *   the source's cap totals are added to the target's and the target counts its merged members
 *   (`foldMergedHistory`), so caps, first purchase, tier and rule aggregates read both histories
 *   (see the events README, "Merged members");
 * - contact: email and phone the target lacks move over; the source keeps its card number, which
 *   still identifies the target; attributes the target lacks are copied;
 * - a `member-merged` outbox event.
 * Running it again for the same pair returns `{ merged: false }`.
 * @example mergeMembers({ ctx: { db }, input: { programId, sourceMemberId: dup.id, targetMemberId: ana.id, actor: 'ana' } })
 */
export function mergeMembers({ ctx, input }: { ctx: { db: DbTx }; input: MergeMembersInput }): { target: MemberRow; merged: boolean } {
  const req = MergeMembersInput.parse(input);
  const at = req.at ? new Date(req.at).toISOString() : new Date().toISOString();
  if (req.sourceMemberId === req.targetMemberId) throw new DomainError('invalid_input', 'A member cannot be merged into itself.');
  return ctx.db.transaction((tx) => {
    const source = requireMemberRow(tx, req.programId, req.sourceMemberId);
    const target = requireMemberRow(tx, req.programId, req.targetMemberId);
    if (source.status === 'merged' && source.mergedInto === target.id) return { target, merged: false };
    for (const m of [source, target]) {
      if (m.status === 'merged') throw new DomainError('conflict', `Member '${m.id}' was already merged into '${m.mergedInto}'.`);
    }
    mergeBalances({
      ctx: { db: tx },
      input: { transactionId: `merge:${source.id}:${target.id}`, programId: req.programId, fromMemberId: source.id, toMemberId: target.id, actor: req.actor, reason: req.reason, occurredAt: at },
    });
    const moved = { email: !target.email && source.email ? source.email : null, phone: !target.phone && source.phone ? source.phone : null };
    tx.update(members)
      .set({
        status: 'merged',
        mergedInto: target.id,
        ...(moved.email ? { email: null } : {}),
        ...(moved.phone ? { phone: null } : {}),
        updatedAt: at,
      })
      .where(eq(members.id, source.id))
      .run();
    tx.update(members).set({ mergedInto: target.id, updatedAt: at }).where(eq(members.mergedInto, source.id)).run();
    foldMergedHistory(tx, source, target);
    tx.update(members)
      .set({
        ...(moved.email ? { email: moved.email } : {}),
        ...(moved.phone ? { phone: moved.phone } : {}),
        attributes: { ...source.attributes, ...target.attributes },
        updatedAt: at,
      })
      .where(eq(members.id, target.id))
      .run();
    // The audit log will add a row here (actor, reason, both member ids) once it exists;
    // until then the outbox event and the ledger merge transaction record who merged what.
    writeOutboxEvent(tx, {
      id: `merge:${source.id}:${target.id}:member-merged`,
      type: 'member-merged',
      programId: req.programId,
      memberId: target.id,
      payload: { sourceMemberId: source.id, targetMemberId: target.id, actor: req.actor, reason: req.reason },
      at,
    });
    return { target: requireMemberRow(tx, req.programId, target.id), merged: true };
  }, WRITE_TRANSACTION);
}
