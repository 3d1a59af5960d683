/**
 * Just enough RFC 5322/MIME parsing for tests to read what a mail client would show: header fields,
 * the subject with encoded words decoded, and the plain-text body with its transfer encoding undone.
 * Kept free of mail-parsing libraries so the sink checks our output, not another library's reading of it.
 */

/** One mail as the sink received it. */
export type ReceivedMail = {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO) the sink accepted. */
  to: string[];
  /** The user name the client logged in with, or null without login. */
  user: string | null;
  /** The Message-ID header as sent, with angle brackets, or null. */
  messageId: string | null;
  /** The decoded Subject header, '' when empty, null when absent. */
  subject: string | null;
  /** Header fields by lower-case name (first occurrence), unfolded, not decoded. */
  headers: Record<string, string>;
  /** The header block exactly as received. */
  rawHeaders: string;
  /**
   * The first text/plain part, decoded, with line breaks as `\n`. SMTP ends every mail with a line
   * break, so a body sent without one arrives with one: `'Hello'` is read as `'Hello\n'`.
   */
  text: string;
  /** The whole message as received (headers and encoded body). */
  raw: string;
};

type Part = { headers: Record<string, string>; rawHeaders: string; body: string };

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const rawHeaders = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  for (const field of rawHeaders.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = field.slice(colon + 1).trim();
  }
  return { headers, rawHeaders, body };
}

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`), as nodemailer writes non-ASCII subjects.
 * @example decodeWords('=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=') // 'Grüße'
 */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1') // whitespace between encoded words is not text
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, text: string) => {
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text.replace(/_/g, ' '));
      return decodeCharset(bytes, charset);
    });
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.split('*')[0]).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function param(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const charset = param(part.headers['content-type'], 'charset') ?? 'utf-8';
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = qpBytes(part.body.replace(/=\r?\n/g, ''));
  else bytes = Buffer.from(part.body, 'utf8');
  return decodeCharset(bytes, charset).replace(/\r\n/g, '\n');
}

function plainText(part: Part): string | null {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = param(part.headers['content-type'], 'boundary');
    if (!boundary) return null;
    for (const chunk of part.body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      // The line break before a boundary belongs to the boundary, not to the part.
      const text = plainText(splitPart(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
      if (text !== null) return text;
    }
    return null;
  }
  return type.startsWith('text/plain') ? decodeBody(part) : null;
}

/**
 * Reads a raw message (the DATA of an SMTP transaction, dots unstuffed) into its headers and text.
 * @example parseMail('Subject: Hi\r\nMessage-ID: <a@b>\r\n\r\nHello\r\n') // { subject: 'Hi', messageId: '<a@b>', text: 'Hello\n', ... }
 */
export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'user'> {
  const root = splitPart(raw);
  const subject = root.headers.subject;
  return {
    messageId: root.headers['message-id'] ?? null,
    subject: subject === undefined ? null : decodeWords(subject),
    headers: root.headers,
    rawHeaders: root.rawHeaders,
    text: plainText(root) ?? '',
    raw,
  };
}
