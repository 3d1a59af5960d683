import { and, desc, eq, like, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { members } from '../db/schema/members';
import { normaliseCardNumber, normaliseEmail, normalisePhone, PhoneCountry } from './normalise-contact';

export const SearchMembersInput = z
  .object({
    programId: z.string().min(1),
    query: z.string().trim().min(2, { error: 'Type at least two characters of a card number, phone number or email.' }).max(200),
    defaultCountry: PhoneCountry.optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchMembersInput = z.input<typeof SearchMembersInput>;

function tryNormalise<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * Support search: exact matches on the normalised card, phone or email first, then emails and
 * card numbers starting with what was typed. Merged members are left out.
 * @example searchMembers({ ctx: { db }, input: { programId, query: '0151 234 56789', defaultCountry: 'DE' } })
 */
export function searchMembers({ ctx, input }: { ctx: { db: DbTx }; input: SearchMembersInput }) {
  const { programId, query, defaultCountry, limit } = SearchMembersInput.parse(input);
  const exact = [
    tryNormalise(() => normaliseEmail(query)),
    tryNormalise(() => normalisePhone(query, defaultCountry)),
    tryNormalise(() => normaliseCardNumber(query)),
  ];
  const prefix = `${query.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  const matches = [
    exact[0] ? eq(members.email, exact[0]) : undefined,
    exact[1] ? eq(members.phone, exact[1]) : undefined,
    exact[2] ? eq(members.cardNumber, exact[2]) : undefined,
    like(members.email, prefix),
    like(members.cardNumber, prefix.replace(/\s/g, '')),
  ].filter((m) => m !== undefined);
  return ctx.db
    .select({
      id: members.id,
      firstName: members.firstName,
      email: members.email,
      phone: members.phone,
      cardNumber: members.cardNumber,
      status: members.status,
      currentTierId: members.currentTierId,
      joinedAt: members.joinedAt,
    })
    .from(members)
    .where(and(eq(members.programId, programId), or(...matches)))
    .orderBy(desc(members.joinedAt))
    .limit(limit)
    .all()
    .filter((m) => m.status !== 'merged');
}
