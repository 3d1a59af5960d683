import { z } from 'zod';

/**
 * A stable, slug-like identifier: lowercase letters, digits and single dashes.
 * Ids never change once published; names can.
 * @example Id.parse('rule-birthday-bonus') // ok
 * @example Id.parse('Rule Birthday') // fails
 */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'use lowercase letters, digits and dashes, like "rule-birthday-bonus"',
  })
  .max(64, { error: 'keep ids to 64 characters or fewer' })
  .describe('Stable identifier (lowercase, dashes), never shown to members');
export type Id = z.infer<typeof Id>;

/** A human name shown in the studio and concept document. @example Name.parse('Double points weekend') */
export const Name = z
  .string()
  .trim()
  .min(1, { error: 'give it a name' })
  .max(120, { error: 'keep names to 120 characters or fewer' })
  .describe('Name shown to the team');
export type Name = z.infer<typeof Name>;

/** Free text explanation; defaults to empty. */
export const Description = z.string().max(2000).default('').describe('Explanation in plain words');

/** ISO 4217 currency code. @example Currency.parse('EUR') */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'use a three-letter currency code such as EUR or USD' })
  .describe('Currency (ISO 4217 code, e.g. EUR)');
export type Currency = z.infer<typeof Currency>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** IANA time zone. @example TimeZone.parse('Europe/Berlin') */
export const TimeZone = z
  .string()
  .refine(isTimeZone, { error: 'use a time zone name such as Europe/Berlin or UTC' })
  .describe('Time zone the program runs in (e.g. Europe/Berlin)');
export type TimeZone = z.infer<typeof TimeZone>;

/** BCP 47 language tag, language plus optional region. @example Locale.parse('de-CH') */
export const Locale = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'use a language code such as en, de or fr-CA' })
  .describe('Language (e.g. en, de, fr-CA)');
export type Locale = z.infer<typeof Locale>;

/** A calendar date, YYYY-MM-DD, read in the program time zone. @example IsoDate.parse('2025-12-24') */
export const IsoDate = z.iso.date({ error: 'use a date like 2025-12-24' }).describe('Date (YYYY-MM-DD)');
export type IsoDate = z.infer<typeof IsoDate>;

/** A wall-clock time HH:MM (24 h), read in the program time zone. @example LocalTime.parse('21:00') */
export const LocalTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: 'use a 24-hour time like 08:30' })
  .describe('Time of day (HH:MM, 24-hour)');
export type LocalTime = z.infer<typeof LocalTime>;

/** A whole number of points, zero or more. */
export const Points = z.number().int({ error: 'points are whole numbers' }).min(0, { error: 'points cannot be negative' });

/** A whole number at least 1. */
export const PositiveInt = z.number().int({ error: 'use a whole number' }).min(1, { error: 'use 1 or more' });

/** A whole number at least 0. */
export const NonNegativeInt = z.number().int({ error: 'use a whole number' }).min(0, { error: 'use 0 or more' });

/** A money amount, zero or more, in the program currency. */
export const Money = z.number().min(0, { error: 'amounts cannot be negative' });

/** Channels a message can be sent on. */
export const Channel = z.enum(['email', 'sms', 'push', 'receipt']).describe('Where the message appears');
export type Channel = z.infer<typeof Channel>;
