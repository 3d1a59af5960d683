import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../../audit';
import { digest, newSecret } from '../../auth/tokens';
import type { DbTx } from '../../db';
import { memberTokens } from '../../db/schema';
import { DomainError } from '../../errors';
import { WRITE_TRANSACTION } from '../../ledger/common-input';
import { requireProgramMember } from '../resolve-member';

export const IssueMemberTokenInput = z.object({
  programId: z.string().min(1),
  memberId: z.string().min(1),
  /** The API key (of the shop) that asks for it. */
  issuedByKeyId: z.string().min(1),
  ttlHours: z.number().int().min(1).max(24 * 90).default(24 * 30),
});
export type IssueMemberTokenInput = z.input<typeof IssueMemberTokenInput>;

/**
 * Issues a self-service token for a member after the shop's own login; the secret is returned
 * once, only its digest is kept. Audited (ids only).
 * @example const { token } = issueMemberToken({ ctx: { db }, input: { programId, memberId, issuedByKeyId } }); // 'lmt_...'
 */
export function issueMemberToken({ ctx, input }: { ctx: { db: DbTx }; input: IssueMemberTokenInput }) {
  const req = IssueMemberTokenInput.parse(input);
  return ctx.db.transaction((tx) => {
    const member = requireProgramMember(tx, req.programId, req.memberId);
    if (member.status !== 'active') throw new DomainError('unprocessable', `Member '${member.id}' is ${member.status}; no token can be issued.`);
    const prefix = newSecret(16).replace(/[^A-Za-z0-9]/g, '').slice(0, 10).padEnd(10, '0');
    const token = `lmt_${prefix}_${newSecret(32)}`;
    const now = new Date();
    const row = {
      id: randomUUID(),
      prefix,
      digest: digest(token),
      programId: req.programId,
      memberId: member.id,
      issuedByKeyId: req.issuedByKeyId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + req.ttlHours * 3_600_000).toISOString(),
    };
    tx.insert(memberTokens).values(row).run();
    appendAudit(tx, { actor: { type: 'api-key', id: req.issuedByKeyId }, action: 'member-token.issued', entityType: 'member', entityId: member.id, after: { tokenId: row.id, expiresAt: row.expiresAt } });
    return { token, tokenId: row.id, memberId: member.id, expiresAt: row.expiresAt };
  }, WRITE_TRANSACTION);
}
