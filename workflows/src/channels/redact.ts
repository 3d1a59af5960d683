/** Longest provider text we quote in an error: enough to say what was wrong, short enough for a log line. */
export const EXCERPT_LENGTH = 200;

const EMAIL = /<?[^\s<>@,;:"]+@[^\s<>@,;:"]+>?/g;
// Seven or more digits in a run (with the usual separators) reads as a phone number.
const PHONE = /\+?\d[\d\s().\/-]{5,}\d/g;

/**
 * Quotes a provider's error text safely: personal data out (the recipient, the message text, anything
 * that looks like an email address or phone number), whitespace collapsed, cut to 200 characters.
 * Providers like to echo the rejected address back ("550 <ada@example.com>: unknown user"), and our
 * errors end up in logs and the message log, which must not hold personal data.
 * @example excerpt('550 5.1.1 <ada@example.com>: mailbox unavailable') // '550 5.1.1 [address]: mailbox unavailable'
 */
export function excerpt(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Short strings (a one-word body, say) would blank out ordinary words of the provider's text.
    if (secret && secret.trim().length >= 4) out = out.split(secret.trim()).join('[redacted]');
  }
  out = out
    .replace(EMAIL, '[address]')
    .replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 7 ? '[number]' : match))
    .replace(/\s+/g, ' ')
    .trim();
  return out.length > EXCERPT_LENGTH ? `${out.slice(0, EXCERPT_LENGTH - 1)}…` : out;
}
