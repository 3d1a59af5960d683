import { z } from 'zod';
import { PhoneCountry } from '../../../members';

const Consents = z.object({ email: z.boolean().optional(), sms: z.boolean().optional(), push: z.boolean().optional() }).strict().describe('Consent per channel');

/** Sign-up: only what the program needs; at least one of email, phone or card number. */
export const SignUpBody = z
  .object({
    email: z.string().max(254).optional(),
    phone: z.string().max(40).optional(),
    cardNumber: z.string().max(40).optional().describe('A card handed out at the till; generated when left out'),
    defaultCountry: PhoneCountry.optional().describe('Country for phone numbers without +country code, e.g. NL'),
    firstName: z.string().trim().max(100).optional(),
    birthDate: z.iso.date().optional(),
    locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/).optional(),
    consents: Consents.optional(),
    attributes: z.object({ country: z.string().regex(/^[A-Z]{2}$/).optional(), city: z.string().max(100).optional() }).strict().optional(),
    channel: z.enum(['store', 'online', 'app']).optional().describe('Where the member signs up'),
  })
  .strict()
  .meta({ id: 'SignUpRequest' });

export const SignUpResponse = z.object({
  created: z.boolean().describe('false when the contact already belonged to a member (that member is returned)'),
  member: z.object({ id: z.string(), cardNumber: z.string().nullable(), tier: z.object({ id: z.string(), name: z.string() }).nullable(), joinedAt: z.string() }),
  welcomePoints: z.number().int(),
});

export const IdentifyQuery = z
  .object({
    card: z.string().max(40).optional(),
    phone: z.string().max(40).optional(),
    email: z.string().max(254).optional(),
    country: PhoneCountry.optional().describe('Country for phone numbers without +country code'),
  })
  .strict()
  .refine((q) => [q.card, q.phone, q.email].filter(Boolean).length === 1, { error: 'give exactly one of card, phone or email' });

export const MemberIdParams = z.object({ id: z.string().min(1).max(200) });
export const TokenParams = z.object({ id: z.string().min(1).max(200), tokenId: z.string().min(1).max(200) });

export const IssueTokenBody = z.object({ ttlHours: z.number().int().min(1).max(2160).optional().describe('Lifetime; 720 hours (30 days) by default') }).strict();

export const IssuedToken = z.object({
  token: z.string().describe('lmt_… secret, shown once'),
  tokenId: z.string(),
  memberId: z.string(),
  expiresAt: z.string(),
});

export const UpdateMeBody = z
  .object({
    email: z.string().max(254).nullable().optional(),
    phone: z.string().max(40).nullable().optional(),
    defaultCountry: PhoneCountry.optional(),
    firstName: z.string().trim().max(100).nullable().optional(),
    birthDate: z.iso.date().nullable().optional(),
    locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/).nullable().optional(),
    consents: Consents.optional(),
  })
  .strict()
  .meta({ id: 'UpdateMeRequest' });

export const MeProfile = z.object({
  id: z.string(),
  cardNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  firstName: z.string().nullable(),
  birthDate: z.string().nullable(),
  locale: z.string().nullable(),
  consents: z.record(z.string(), z.object({ granted: z.boolean(), at: z.string() })),
  tier: z.object({ id: z.string(), name: z.string() }).nullable(),
  joinedAt: z.string(),
});
