import { describe, expect, it } from 'vitest';
import { excerpt } from './redact';

describe('excerpt', () => {
  it('keeps what the provider said, without addresses or phone numbers', () => {
    expect(excerpt('550 5.1.1 <ada@example.com>: Recipient address rejected')).toBe('550 5.1.1 [address]: Recipient address rejected');
    expect(excerpt('invalid number +49 151 1234 5678 for region DE')).toBe('invalid number [number] for region DE');
    expect(excerpt('quota 3 of 10 used, error 4001')).toBe('quota 3 of 10 used, error 4001');
  });

  it('removes the recipient and the message text wherever they appear', () => {
    expect(excerpt('device tok_9f8e7d is not registered', ['tok_9f8e7d'])).toBe('device [redacted] is not registered');
    expect(excerpt('body "Your code is 1234" too long', ['Your code is 1234'])).toBe('body "[redacted]" too long');
  });

  it('collapses whitespace and cuts to 200 characters', () => {
    const out = excerpt(`line one\n\n   line two ${'x'.repeat(300)}`);
    expect(out.startsWith('line one line two xxx')).toBe(true);
    expect(out).toHaveLength(200);
    expect(out.endsWith('…')).toBe(true);
  });
});
