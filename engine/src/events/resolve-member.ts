import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { members } from '../db/schema';
import { DomainError } from '../errors';
import type { MemberRow } from '../members';
import { identifyMember } from '../members';
import type { MemberRef } from './inputs';

/** Follows merges to the member that carries on. */
function survivorOf(tx: DbTx, member: MemberRow): MemberRow {
  let current = member;
  for (let hops = 0; current.status === 'merged' && current.mergedInto && hops < 100; hops++) {
    const next = tx.select().from(members).where(eq(members.id, current.mergedInto)).get();
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * A member of the program by id (must exist: an unknown id is a caller error, 404) or by card,
 * phone or email (an unknown contact means a non-member: undefined). Merged members lead to the
 * member they were merged into.
 * @example resolveMember(db, programId, { cardNumber: '9012345678901234' })?.id
 */
export function resolveMember(tx: DbTx, programId: string, ref: MemberRef | undefined): MemberRow | undefined {
  if (!ref) return undefined;
  if (ref.memberId) return survivorOf(tx, requireProgramMember(tx, programId, ref.memberId));
  if (!ref.cardNumber && !ref.phone && !ref.email) return undefined;
  try {
    return identifyMember({ ctx: { db: tx }, input: { programId, cardNumber: ref.cardNumber, phone: ref.phone, email: ref.email, defaultCountry: ref.defaultCountry } }).member;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'not_found') return undefined;
    throw e;
  }
}

/**
 * A member of this program, or not_found (members of other programs are not revealed).
 * @example requireProgramMember(db, programId, memberId).currentTierId
 */
export function requireProgramMember(tx: DbTx, programId: string, memberId: string): MemberRow {
  const m = tx.select().from(members).where(eq(members.id, memberId)).get();
  if (!m || m.programId !== programId) throw new DomainError('not_found', `There is no member '${memberId}' in this program.`);
  return m;
}
