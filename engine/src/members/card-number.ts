import { randomInt } from 'node:crypto';

/**
 * Luhn check digit for a string of digits.
 * @example luhnCheckDigit('7992739871') // 3
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** @example isLuhnValid('79927398713') // true */
export function isLuhnValid(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === Number(number.at(-1));
}

/**
 * A new 16-digit card number: prefix, random digits, Luhn check digit (catches typos at the till).
 * @example generateCardNumber() // '9000482915736604'
 */
export function generateCardNumber(prefix = '9'): string {
  let body = prefix;
  while (body.length < 15) body += String(randomInt(10));
  return body + String(luhnCheckDigit(body));
}
