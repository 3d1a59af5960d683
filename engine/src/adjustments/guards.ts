import { eq } from 'drizzle-orm';
import type { StaffPrincipal } from '../auth/sessions';
import type { DbTx } from '../db';
import { members } from '../db/schema/members';
import { DomainError } from '../errors';

/**
 * Staff may not move points on an account that is their own: the member linked to their
 * staff account, or one registered with their work email.
 */
export function refuseOwnAccount(db: DbTx, staff: StaffPrincipal, memberId: string): void {
  const member = db.select({ id: members.id, email: members.email }).from(members).where(eq(members.id, memberId)).get();
  if (!member) throw new DomainError('not_found', 'That member does not exist.');
  if (staff.memberId === memberId || (member.email && member.email === staff.email)) {
    throw new DomainError('forbidden', 'You cannot adjust or approve points on your own member account; ask a colleague.');
  }
}
