import { eq } from 'drizzle-orm';
import type { ApiKeyPrincipal } from '../../auth/api-keys';
import type { DbTx } from '../../db';
import { ledgerBalances } from '../../db/schema';
import { runtimeFor } from '../../events';
import type { MemberRow } from '../../members';
import { HttpProblem } from './problem';
import type { MemberSummary } from './schemas/common';

/**
 * The store a request acts for: the key's store. Naming another store is refused (403) before
 * anything is read or written.
 * @example storeOf(principal, body.storeId) // 'amsterdam'
 */
export function storeOf(principal: ApiKeyPrincipal, requested: string | undefined): string {
  if (requested !== undefined && requested !== principal.storeId) {
    throw new HttpProblem(403, `This API key belongs to store '${principal.storeId}'; it cannot act for store '${requested}'. Use that store's key.`);
  }
  return principal.storeId;
}

/** The member's tier with its name under their version, or null. */
export function tierOf(db: DbTx, member: MemberRow): { id: string; name: string } | null {
  if (!member.currentTierId) return null;
  const tier = runtimeFor(db, member.programId, member.id).spec.tiers.find((t) => t.id === member.currentTierId);
  return { id: member.currentTierId, name: tier?.name ?? member.currentTierId };
}

/** What a till sees of a member: no contact data beyond the card and first name. */
export function memberSummary(db: DbTx, member: MemberRow): MemberSummary {
  const b = db.select().from(ledgerBalances).where(eq(ledgerBalances.memberId, member.id)).get();
  return {
    id: member.id,
    cardNumber: member.cardNumber,
    firstName: member.firstName,
    status: member.status,
    tier: tierOf(db, member),
    balance: { available: b?.available ?? 0, pending: b?.pending ?? 0 },
  };
}
