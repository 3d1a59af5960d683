import { eq } from 'drizzle-orm';
import { digest, sameDigest } from '../../auth/tokens';
import type { DbTx } from '../../db';
import { members, memberTokens } from '../../db/schema';
import { MEMBER_TOKEN_PATTERN } from './member-token-format';

/** Who a member token speaks for. */
export type MemberPrincipal = { kind: 'member'; tokenId: string; programId: string; memberId: string };

/**
 * The member behind a presented token, or undefined when it is malformed, unknown, revoked,
 * expired, or its member is no longer active. Last use is recorded at most once a minute.
 * @example resolveMemberToken(db, 'lmt_...')?.memberId
 */
export function resolveMemberToken(db: DbTx, presented: string | undefined, now = new Date()): MemberPrincipal | undefined {
  const match = presented ? MEMBER_TOKEN_PATTERN.exec(presented) : null;
  if (!match || !presented) return undefined;
  const row = db.select().from(memberTokens).where(eq(memberTokens.prefix, match[1]!)).get();
  if (!row || row.revokedAt || row.expiresAt <= now.toISOString() || !sameDigest(row.digest, digest(presented))) return undefined;
  const member = db.select({ status: members.status }).from(members).where(eq(members.id, row.memberId)).get();
  if (member?.status !== 'active') return undefined;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) {
    db.update(memberTokens).set({ lastUsedAt: now.toISOString() }).where(eq(memberTokens.id, row.id)).run();
  }
  return { kind: 'member', tokenId: row.id, programId: row.programId, memberId: row.memberId };
}
