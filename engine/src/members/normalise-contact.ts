import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';
import { DomainError } from '../errors';

/** ISO 3166 two-letter country used for phone numbers written without +country code. */
export const PhoneCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => /^[A-Z]{2}$/.test(c) && isSupportedCountry(c), { error: 'use a two-letter country code such as DE or US' });
export type PhoneCountry = z.infer<typeof PhoneCountry>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Trims and lowercases an email address; `+tags` are kept (they can be a different inbox).
 * @example normaliseEmail('  Ana.Silva+news@Example.COM ') // 'ana.silva+news@example.com'
 * @throws DomainError('invalid_input') with the value in the message.
 */
export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) {
    throw new DomainError('invalid_input', `'${raw.trim()}' is not a valid email address.`, { field: 'email' });
  }
  return email;
}

/**
 * Validates a phone number against the real numbering plan and returns it in E.164.
 * Numbers without `+` are read in `country`.
 * @example normalisePhone('0151 23456789', 'DE') // '+4915123456789'
 * @example normalisePhone('0151 234', 'DE') // throws "'0151 234' is not a valid phone number for DE."
 */
export function normalisePhone(raw: string, country: string | undefined): string {
  const text = raw.trim();
  if (!text.startsWith('+') && !country) {
    throw new DomainError('invalid_input', `'${text}' has no country code; write it as +<country code> or set the program's default country.`, { field: 'phone' });
  }
  const parsed = parsePhoneNumberFromString(text, country as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) {
    const where = text.startsWith('+') ? '' : ` for ${country}`;
    throw new DomainError('invalid_input', `'${text}' is not a valid phone number${where}.`, { field: 'phone' });
  }
  return parsed.number;
}

/**
 * Card numbers are stored without spaces or dashes, letters upper case.
 * @example normaliseCardNumber('4000 1234-5678 9010') // '4000123456789010'
 */
export function normaliseCardNumber(raw: string): string {
  const card = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{4,32}$/.test(card)) {
    throw new DomainError('invalid_input', `'${raw.trim()}' is not a valid card number (4 to 32 letters or digits).`, { field: 'cardNumber' });
  }
  return card;
}

export type ContactInput = { email?: string | null; phone?: string | null; cardNumber?: string | null };
export type Contact = { email?: string | null; phone?: string | null; cardNumber?: string | null };

/**
 * Normalises whichever contact fields are given; `null` (clear) and absent (keep) pass through.
 * @example normaliseContact({ email: 'A@B.de', phone: '030 123456' }, 'DE') // { email: 'a@b.de', phone: '+4930123456' }
 */
export function normaliseContact(input: ContactInput, country?: string): Contact {
  const out: Contact = {};
  if (input.email !== undefined) out.email = input.email === null ? null : normaliseEmail(input.email);
  if (input.phone !== undefined) out.phone = input.phone === null ? null : normalisePhone(input.phone, country);
  if (input.cardNumber !== undefined) out.cardNumber = input.cardNumber === null ? null : normaliseCardNumber(input.cardNumber);
  return out;
}
