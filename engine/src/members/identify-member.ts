import { z } from 'zod';
import type { DbTx } from '../db';
import { DomainError } from '../errors';
import { findByContact, survivor, type MemberRow } from './member-store';
import { normaliseContact, PhoneCountry } from './normalise-contact';

export const IdentifyMemberInput = z
  .object({
    programId: z.string().min(1),
    cardNumber: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    defaultCountry: PhoneCountry.optional(),
  })
  .refine((i) => [i.cardNumber, i.phone, i.email].filter(Boolean).length === 1, {
    error: 'identify a member by exactly one of card number, phone or email',
  });
export type IdentifyMemberInput = z.input<typeof IdentifyMemberInput>;

/**
 * Finds a member by card, phone or email (normalised the same way as at sign-up). A member
 * that was merged leads to the member it was merged into; `matchedMemberId` tells which row matched.
 * @example identifyMember({ ctx: { db }, input: { programId, phone: '0151 23456789', defaultCountry: 'DE' } }).member.id
 * @throws DomainError('not_found') when nobody has that contact.
 */
export function identifyMember({ ctx, input }: { ctx: { db: DbTx }; input: IdentifyMemberInput }): { member: MemberRow; matchedMemberId: string } {
  const req = IdentifyMemberInput.parse(input);
  const contact = normaliseContact({ email: req.email, phone: req.phone, cardNumber: req.cardNumber }, req.defaultCountry);
  const [match] = findByContact(ctx.db, req.programId, contact);
  if (!match) {
    const what = req.cardNumber ? 'card number' : req.phone ? 'phone number' : 'email address';
    throw new DomainError('not_found', `No member has this ${what}.`);
  }
  return { member: survivor(ctx.db, match), matchedMemberId: match.id };
}
