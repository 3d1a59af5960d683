import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { members } from '../db/schema';
import { DomainError } from '../errors';
import { writeOutboxEvent } from '../ledger/outbox';
import { applyConsents, ConsentsInput } from './consents';
import { collidingFields, findByContact, requireMemberRow, survivor, type MemberRow } from './member-store';
import { normaliseContact, PhoneCountry, type Contact } from './normalise-contact';
import { WRITE_TRANSACTION } from '../ledger/common-input';

export const UpdateMemberContactInput = z.object({
  programId: z.string().min(1),
  memberId: z.string().min(1),
  /** A value sets, `null` clears, absent keeps. */
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  cardNumber: z.string().nullable().optional(),
  defaultCountry: PhoneCountry.optional(),
  firstName: z.string().trim().max(100).nullable().optional(),
  birthDate: z.iso.date().nullable().optional(),
  locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/).nullable().optional(),
  consents: ConsentsInput,
  at: z.iso.datetime({ offset: true }).optional(),
});
export type UpdateMemberContactInput = z.input<typeof UpdateMemberContactInput>;

/**
 * Changes contact data and consents. A contact already used by another member is refused
 * (DomainError 'conflict'), except when that member was merged into this one: then it moves over.
 * A member must keep at least one of email, phone or card number.
 * @example updateMemberContact({ ctx: { db }, input: { programId, memberId, phone: '+49 30 1234567', consents: { sms: true } } })
 */
export function updateMemberContact({ ctx, input }: { ctx: { db: DbTx }; input: UpdateMemberContactInput }): MemberRow {
  const req = UpdateMemberContactInput.parse(input);
  const contact = normaliseContact({ email: req.email, phone: req.phone, cardNumber: req.cardNumber }, req.defaultCountry);
  const at = req.at ? new Date(req.at).toISOString() : new Date().toISOString();
  return ctx.db.transaction((tx) => {
    const member = requireMemberRow(tx, req.programId, req.memberId);
    if (member.status === 'merged') throw new DomainError('unprocessable', `Member '${member.id}' was merged into '${member.mergedInto}'; update that member instead.`);
    releaseFromMergedSources(tx, member, contact);
    const next = { ...member, ...contact };
    if (!next.email && !next.phone && !next.cardNumber) {
      throw new DomainError('invalid_input', 'A member needs at least an email address, a phone number or a card number.');
    }
    const changes = {
      ...contact,
      ...(req.firstName !== undefined ? { firstName: req.firstName } : {}),
      ...(req.birthDate !== undefined ? { birthDate: req.birthDate } : {}),
      ...(req.locale !== undefined ? { locale: req.locale } : {}),
      consents: applyConsents(member.consents, req.consents, at),
      updatedAt: at,
    };
    tx.update(members).set(changes).where(eq(members.id, member.id)).run();
    writeOutboxEvent(tx, {
      id: `${member.id}:member-contact-changed:${at}`,
      type: 'member-contact-changed',
      programId: member.programId,
      memberId: member.id,
      payload: { fields: Object.keys(changes).filter((k) => k !== 'updatedAt') },
      at,
    });
    return requireMemberRow(tx, req.programId, member.id);
  }, WRITE_TRANSACTION);
}

/** Refuses contacts of other members; takes them from members merged into this one. */
function releaseFromMergedSources(tx: DbTx, member: MemberRow, contact: Contact): void {
  for (const other of findByContact(tx, member.programId, contact)) {
    if (other.id === member.id) continue;
    const fields = collidingFields(other, contact);
    if (other.status === 'merged' && survivor(tx, other).id === member.id) {
      tx.update(members).set(Object.fromEntries(fields.map((f) => [f, null]))).where(eq(members.id, other.id)).run();
      continue;
    }
    const labels = fields.map((f) => (f === 'cardNumber' ? 'card number' : f === 'email' ? 'email address' : 'phone number'));
    throw new DomainError('conflict', `This ${labels.join(' and ')} is already used by another member.`, { fields });
  }
}
