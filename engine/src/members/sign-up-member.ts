import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { members, programs } from '../db/schema';
import { DomainError } from '../errors';
import { writeOutboxEvent } from '../ledger/outbox';
import { generateCardNumber } from './card-number';
import { applyConsents, ConsentsInput } from './consents';
import { collidingFields, findByContact, survivor, type MemberRow } from './member-store';
import { normaliseContact, PhoneCountry } from './normalise-contact';
import { WRITE_TRANSACTION } from '../ledger/common-input';

export const SignUpMemberInput = z
  .object({
    programId: z.string().min(1),
    email: z.string().optional(),
    phone: z.string().optional(),
    cardNumber: z.string().optional(),
    /** The program's default country, for phone numbers written without +country code. */
    defaultCountry: PhoneCountry.optional(),
    firstName: z.string().trim().max(100).optional(),
    birthDate: z.iso.date({ error: 'use a date such as 1990-04-23' }).optional(),
    locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'use a language code such as en, de or fr-CA' }).optional(),
    attributes: z.record(z.string(), z.unknown()).default({}),
    consents: ConsentsInput,
    joinedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((i) => i.email || i.phone || i.cardNumber, { error: 'give at least an email address, a phone number or a card number' });
export type SignUpMemberInput = z.input<typeof SignUpMemberInput>;

/**
 * Signs a member up with minimal data. A contact that already belongs to a member returns that
 * member (or the one it was merged into) with `created: false`; contacts belonging to two
 * different members are a conflict. Without a card number one is generated (Luhn check digit).
 * @example signUpMember({ ctx: { db }, input: { programId, email: 'ana@example.com', defaultCountry: 'DE' } })
 * // { member: { id, cardNumber: '9…', email: 'ana@example.com', … }, created: true }
 */
export function signUpMember({ ctx, input }: { ctx: { db: DbTx }; input: SignUpMemberInput }): { member: MemberRow; created: boolean } {
  const req = SignUpMemberInput.parse(input);
  const contact = normaliseContact({ email: req.email, phone: req.phone, cardNumber: req.cardNumber }, req.defaultCountry);
  return ctx.db.transaction((tx) => {
    if (!tx.select({ id: programs.id }).from(programs).where(eq(programs.id, req.programId)).get()) {
      throw new DomainError('not_found', `Program '${req.programId}' does not exist.`);
    }
    const existing = findByContact(tx, req.programId, contact);
    const people = new Map(existing.map((m) => survivor(tx, m)).map((m) => [m.id, m]));
    if (people.size > 1) {
      const detail = existing.map((m) => `${collidingFields(m, contact).join(' and ')} of member '${m.id}'`).join(', ');
      throw new DomainError('conflict', `These contact details belong to different members (${detail}).`, { memberIds: [...people.keys()] });
    }
    const found = [...people.values()][0];
    if (found) return { member: found, created: false };

    const at = req.joinedAt ? new Date(req.joinedAt).toISOString() : new Date().toISOString();
    const row = {
      id: randomUUID(),
      programId: req.programId,
      cardNumber: contact.cardNumber ?? unusedCardNumber(tx, req.programId),
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      firstName: req.firstName ?? null,
      birthDate: req.birthDate ?? null,
      locale: req.locale ?? null,
      attributes: req.attributes,
      consents: applyConsents({}, req.consents, at),
      joinedAt: at,
      updatedAt: at,
    };
    tx.insert(members).values(row).run();
    writeOutboxEvent(tx, { id: `${row.id}:member-signed-up`, type: 'member-signed-up', programId: req.programId, memberId: row.id, payload: { memberId: row.id }, at });
    const member = tx.select().from(members).where(eq(members.id, row.id)).get();
    if (!member) throw new Error('member was not stored');
    return { member, created: true };
  }, WRITE_TRANSACTION);
}

function unusedCardNumber(tx: DbTx, programId: string): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    const card = generateCardNumber();
    if (findByContact(tx, programId, { cardNumber: card }).length === 0) return card;
  }
  throw new Error('could not find an unused card number');
}
