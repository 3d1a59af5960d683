import { and, eq, or } from 'drizzle-orm';
import { preparedSelect, type DbTx } from '../db';
import { members } from '../db/schema';
import { DomainError } from '../errors';
import type { Contact } from './normalise-contact';

export type MemberRow = typeof members.$inferSelect;

const memberByIdQuery = preparedSelect(members, 'id = ?');

/** The member with this id, in any program, or undefined. */
export function memberById(tx: DbTx, id: string): MemberRow | undefined {
  return memberByIdQuery(tx).get(id);
}

/** Members of a program holding any of the given (normalised) contact values. */
export function findByContact(tx: DbTx, programId: string, contact: Contact): MemberRow[] {
  const matches = [
    contact.email ? eq(members.email, contact.email) : undefined,
    contact.phone ? eq(members.phone, contact.phone) : undefined,
    contact.cardNumber ? eq(members.cardNumber, contact.cardNumber) : undefined,
  ].filter((m) => m !== undefined);
  if (matches.length === 0) return [];
  return tx.select().from(members).where(and(eq(members.programId, programId), or(...matches))).all();
}

/** Follows `merged_into` to the member that carries on. */
export function survivor(tx: DbTx, member: MemberRow): MemberRow {
  let current = member;
  for (let hops = 0; current.status === 'merged' && current.mergedInto && hops < 100; hops++) {
    const next = memberById(tx, current.mergedInto);
    if (!next) break;
    current = next;
  }
  return current;
}

/** @throws DomainError('not_found') when the member is not in the program. */
export function requireMemberRow(tx: DbTx, programId: string, memberId: string): MemberRow {
  const m = memberById(tx, memberId);
  if (!m || m.programId !== programId) throw new DomainError('not_found', `Member '${memberId}' does not exist in this program.`);
  return m;
}

/** Which contact field of `member` equals which value of `contact`, for messages. */
export function collidingFields(member: MemberRow, contact: Contact): (keyof Contact)[] {
  return (['email', 'phone', 'cardNumber'] as const).filter((k) => contact[k] && member[k] === contact[k]);
}
