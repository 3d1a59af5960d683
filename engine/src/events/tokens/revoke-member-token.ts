import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit, type AuditActor } from '../../audit/append-audit';
import type { DbTx } from '../../db';
import { memberTokens } from '../../db/schema';
import { DomainError } from '../../errors';
import { WRITE_TRANSACTION } from '../../ledger/common-input';

export const RevokeMemberTokenInput = z.object({ programId: z.string().min(1), memberId: z.string().min(1), tokenId: z.string().min(1) });
export type RevokeMemberTokenInput = z.input<typeof RevokeMemberTokenInput>;

/**
 * Revokes a member token (the shop on logout, or the member signing out). Revoking twice is
 * harmless. Tokens of other members or programs are not found.
 * @example revokeMemberToken({ ctx: { db, actor: { type: 'api-key', id: keyId } }, input: { programId, memberId, tokenId } })
 */
export function revokeMemberToken({ ctx, input }: { ctx: { db: DbTx; actor: AuditActor }; input: RevokeMemberTokenInput }): { tokenId: string; revokedAt: string } {
  const req = RevokeMemberTokenInput.parse(input);
  return ctx.db.transaction((tx) => {
    const row = tx.select().from(memberTokens).where(eq(memberTokens.id, req.tokenId)).get();
    if (!row || row.programId !== req.programId || row.memberId !== req.memberId) throw new DomainError('not_found', `There is no token '${req.tokenId}' for this member.`);
    if (row.revokedAt) return { tokenId: row.id, revokedAt: row.revokedAt };
    const revokedAt = new Date().toISOString();
    tx.update(memberTokens).set({ revokedAt }).where(eq(memberTokens.id, row.id)).run();
    appendAudit(tx, { actor: ctx.actor, action: 'member-token.revoked', entityType: 'member', entityId: row.memberId, before: { tokenId: row.id, revokedAt: null }, after: { tokenId: row.id, revokedAt } });
    return { tokenId: row.id, revokedAt };
  }, WRITE_TRANSACTION);
}
