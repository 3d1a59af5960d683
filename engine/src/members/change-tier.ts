import { timeOrderedId } from '../ids';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { preparedInsert, preparedQuery, type DbTx } from '../db';
import { members, memberTierHistory } from '../db/schema';
import { DomainError } from '../errors';
import { writeOutboxEvent } from '../ledger/outbox';
import { requireMemberRow, type MemberRow } from './member-store';
import { WRITE_TRANSACTION } from '../ledger/common-input';

export const ChangeTierInput = z.object({
  programId: z.string().min(1),
  memberId: z.string().min(1),
  toTierId: z.string().min(1),
  /** Why, in words a support agent understands, e.g. "reached 1000 points" or "annual re-check". */
  reason: z.string().trim().min(1).max(500),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type ChangeTierInput = z.input<typeof ChangeTierInput>;

const insertTierChange = preparedInsert(memberTierHistory, ['id', 'memberId', 'fromTierId', 'toTierId', 'reason', 'at']);
const setTier = preparedQuery((db) =>
  db
    .update(members)
    .set({ currentTierId: sql`${sql.placeholder('toTierId')}`, tierSince: sql`${sql.placeholder('at')}`, updatedAt: sql`${sql.placeholder('at')}` })
    .where(eq(members.id, sql.placeholder('memberId')))
    .prepare(),
);

/**
 * Moves a member to a tier: updates the tier state, appends to the tier history and writes a
 * `tier-changed` event, in one transaction. Moving to the current tier changes nothing.
 * @example changeTier({ ctx: { db }, input: { programId, memberId, toTierId: 'gold', reason: 'reached 1000 points' } })
 * // { member: { currentTierId: 'gold', … }, changed: true }
 */
export function changeTier({ ctx, input }: { ctx: { db: DbTx }; input: ChangeTierInput }): { member: MemberRow; changed: boolean } {
  const req = ChangeTierInput.parse(input);
  const at = req.at ? new Date(req.at).toISOString() : new Date().toISOString();
  return ctx.db.transaction((tx) => moveToTier(tx, requireMemberRow(tx, req.programId, req.memberId), { toTierId: req.toTierId, reason: req.reason, at }), WRITE_TRANSACTION);
}

/**
 * `changeTier` for a member row the caller loaded in its transaction, with a checked tier and
 * reason (the event path's immediate upgrades).
 * @example moveToTier(tx, member, { toTierId: 'silver', reason: '528.00 EUR spent ...', at })
 */
export function moveToTier(tx: DbTx, member: MemberRow, change: { toTierId: string; reason: string; at: string }): { member: MemberRow; changed: boolean } {
  const { toTierId, reason, at } = change;
  if (member.status === 'merged') throw new DomainError('unprocessable', `Member '${member.id}' was merged into '${member.mergedInto}'.`);
  if (member.currentTierId === toTierId) return { member, changed: false };
  const id = timeOrderedId();
  insertTierChange(tx).run({ id, memberId: member.id, fromTierId: member.currentTierId, toTierId, reason, at });
  setTier(tx).run({ toTierId, at, memberId: member.id });
  writeOutboxEvent(tx, {
    id: `${id}:tier-changed`,
    type: 'tier-changed',
    programId: member.programId,
    memberId: member.id,
    payload: { from: member.currentTierId, to: toTierId, reason },
    at,
  });
  return { member: { ...member, currentTierId: toTierId, tierSince: at, updatedAt: at }, changed: true };
}
