import { describe, expect, it } from 'vitest';
import { generateCardNumber, isLuhnValid, luhnCheckDigit } from './card-number';
import { normaliseCardNumber, normaliseContact, normaliseEmail, normalisePhone } from './normalise-contact';

describe('normalise contact', () => {
  it('trims and lowercases email, keeping +tags', () => {
    expect(normaliseEmail('  Ana.Silva+News@Example.COM ')).toBe('ana.silva+news@example.com');
    expect(() => normaliseEmail('ana@')).toThrow("'ana@' is not a valid email address.");
  });

  it('writes phone numbers in E.164 using the default country', () => {
    expect(normalisePhone('0151 23456789', 'DE')).toBe('+4915123456789');
    expect(normalisePhone('+49 30 1234567', 'US')).toBe('+49301234567');
    expect(normalisePhone('(202) 555-0143', 'US')).toMatch(/^\+1202/);
  });

  it('explains invalid phone numbers', () => {
    expect(() => normalisePhone('0151 234', 'DE')).toThrow("'0151 234' is not a valid phone number for DE.");
    expect(() => normalisePhone('+49 151', undefined)).toThrow("'+49 151' is not a valid phone number.");
    expect(() => normalisePhone('0151 23456789', undefined)).toThrow(/no country code/);
  });

  it('strips card separators, and keeps absent and null apart', () => {
    expect(normaliseCardNumber('4000 1234-5678 9010')).toBe('4000123456789010');
    expect(() => normaliseCardNumber('12')).toThrow(/not a valid card number/);
    expect(normaliseContact({ email: null, phone: undefined })).toEqual({ email: null });
  });

  it('generates card numbers with a valid Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    for (let i = 0; i < 50; i++) {
      const card = generateCardNumber();
      expect(card).toMatch(/^9\d{15}$/);
      expect(isLuhnValid(card)).toBe(true);
    }
  });
});
