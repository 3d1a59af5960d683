/**
 * The Message-ID header of the email for send `id`, the same on every attempt: after a crash between
 * handing the mail to the server and recording it, the resend carries the same id, so mail servers,
 * clients and support can recognise it as the same message.
 *
 * The id is encoded injectively into RFC 5322 dot-atom text: letters, digits, `-` and `_` stay, every
 * other byte of its UTF-8 becomes `=XX` (`=` itself is atext; `:` and `@` are not).
 * @example emailMessageId('run-abc:3', 'example.com') // '<run-abc=3A3@example.com>'
 */
export function emailMessageId(id: string, domain: string): string {
  const encoded = Array.from(new TextEncoder().encode(id), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9_-]/.test(c) ? c : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  return `<${encoded}@${domain}>`;
}
