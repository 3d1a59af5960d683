import type { DbTx } from '../db';
import { DomainError } from '../errors';
import type { MemberRow } from '../members';
import { identifyMember, memberById, survivor } from '../members';
import type { MemberRef } from './inputs';

/**
 * A member of the program by id (must exist: an unknown id is a caller error, 404) or by card,
 * phone or email (an unknown contact means a non-member: undefined). Merged members lead to the
 * member they were merged into.
 * @example resolveMember(db, programId, { cardNumber: '9012345678901234' })?.id
 */
export function resolveMember(tx: DbTx, programId: string, ref: MemberRef | undefined): MemberRow | undefined {
  if (!ref) return undefined;
  if (ref.memberId) return survivor(tx, requireProgramMember(tx, programId, ref.memberId));
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
  const m = memberById(tx, memberId);
  if (!m || m.programId !== programId) throw new DomainError('not_found', `There is no member '${memberId}' in this program.`);
  return m;
}
