import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailMessageId } from './message-id';

describe('emailMessageId', () => {
  it('derives the Message-ID from the send id and the sender domain', () => {
    expect(emailMessageId('run-abc:3', 'example.com')).toBe('<run-abc=3A3@example.com>');
    expect(emailMessageId('journey:p1:welcome:m_2:1', 'club.example')).toBe('<journey=3Ap1=3Awelcome=3Am_2=3A1@club.example>');
  });

  it('always yields a valid msg-id, and different ids never share one', () => {
    const dotAtomText = /^<[A-Za-z0-9=_-]+@example\.com>$/;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1 }), (a, b) => {
        expect(emailMessageId(a, 'example.com')).toMatch(dotAtomText);
        if (a !== b) expect(emailMessageId(a, 'example.com')).not.toBe(emailMessageId(b, 'example.com'));
      }),
    );
  });
});
