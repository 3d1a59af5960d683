import { z } from 'zod';

/** A sender as written in MAIL_FROM: `no-reply@example.com` or `Example Rewards <no-reply@example.com>`. */
export type MailSender = { name: string | null; address: string };

const Email = z.email();

/**
 * Splits a MAIL_FROM value into display name and address; null when it is not one of the two forms.
 * @example parseMailSender('"Example Rewards" <no-reply@example.com>') // { name: 'Example Rewards', address: 'no-reply@example.com' }
 */
export function parseMailSender(value: string): MailSender | null {
  const trimmed = value.trim();
  const named = /^(.*?)\s*<([^<>\s]+)>$/.exec(trimmed);
  const name = named ? unquote(named[1] ?? '') : null;
  const address = named ? (named[2] ?? '') : trimmed;
  if (!Email.safeParse(address).success) return null;
  // A display name with a line break would let MAIL_FROM smuggle extra headers in.
  if (name !== null && /[\r\n<>]/.test(name)) return null;
  return { name: name === '' ? null : name, address };
}

function unquote(name: string): string {
  const t = name.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/\\(.)/g, '$1') : t;
}

/**
 * The domain of an address, lower-cased: the right-hand side of Message-IDs we generate.
 * @example domainOf('No-Reply@Example.COM') // 'example.com'
 */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Whether `to` is one plain address. Deliberately looser than a full RFC 5322 check (the engine
 * validated the member's address already); what it must stop is a value that nodemailer would read
 * as several recipients or as a display name with extra parts.
 * @example isSingleAddress('ada@example.com') // true; isSingleAddress('a@x.com, b@y.com') // false
 */
export function isSingleAddress(to: string): boolean {
  return /^[^\s@,;<>()"\\]+@[^\s@,;<>()"\\]+\.[^\s@,;<>()"\\]+$/.test(to);
}
