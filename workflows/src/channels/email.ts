import nodemailer from 'nodemailer';
import { ChannelError } from './channel-error';
import { domainOf, isSingleAddress, parseMailSender } from './mail-address';
import { emailMessageId } from './message-id';
import { smtpChannelError, type SmtpFailure } from './smtp-errors';
import type { DeliveryResult, OutgoingMessage, Sender } from './types';

/** Settings of the email channel: the validated SMTP_URL and MAIL_FROM. */
export type EmailSettings = { smtpUrl: string; mailFrom: string };

// A mail server that takes longer than this to accept a connection or greet is treated as down;
// the activity retries, so failing fast beats holding a worker slot for nodemailer's minutes-long defaults.
const CONNECTION_TIMEOUT_MS = 5_000;
const GREETING_TIMEOUT_MS = 5_000;
const SOCKET_TIMEOUT_MS = 20_000;
// Socket timeouts do not catch a server trickling its replies; bound the whole send too.
const SEND_TIMEOUT_MS = 60_000;

/**
 * The email channel: plain-text mail over one pooled SMTP transport, reused for every message.
 * Each mail's Message-ID is derived from the send's id (see `emailMessageId`), and is what
 * `providerRef` returns unless the server assigned its own.
 * @example
 *   const email = createEmailSender({ smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: 'Rewards <no-reply@example.com>' });
 *   await email.send({ id: 'run-abc:3', channel: 'email', to: 'ada@example.com', subject: 'Hi', body: 'Hello' });
 *   await email.close();
 */
export function createEmailSender({ smtpUrl, mailFrom }: EmailSettings): Sender {
  const sender = parseMailSender(mailFrom);
  if (!sender) throw new ChannelError('not-configured', 'MAIL_FROM is not a valid email address; set it to e.g. no-reply@example.com', { channel: 'email' });
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  // For messages: where we tried to connect, without the credentials of the URL.
  const server = `${url.hostname}:${url.port || (secure ? 465 : 587)}`;
  const domain = domainOf(sender.address);

  const transport = nodemailer.createTransport({
    pool: true,
    url: smtpUrl,
    secure,
    maxConnections: 3,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    logger: false,
    // Bodies come from templates marketers edit: never let them make us read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  let closed = false;

  return {
    async send(msg: OutgoingMessage): Promise<DeliveryResult> {
      if (closed) throw new ChannelError('unavailable', 'The email channel is shutting down; try again later', { channel: 'email' });
      if (!isSingleAddress(msg.to)) {
        throw new ChannelError('rejected', 'The recipient of the email is not a single valid email address; fix the member’s email address', { channel: 'email' });
      }
      const messageId = emailMessageId(msg.id, domain);
      try {
        const info = await transport.sendMail({
          from: sender.name ? { name: sender.name, address: sender.address } : sender.address,
          to: msg.to,
          subject: msg.subject ?? '',
          text: msg.body,
          messageId,
          ...(msg.locale && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(msg.locale) ? { headers: { 'Content-Language': msg.locale } } : {}),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        // Some servers (Microsoft 365, Amazon SES) replace the Message-ID; theirs is then the one to look for.
        return { providerRef: info.serverMessageId ?? info.messageId ?? messageId };
      } catch (error) {
        throw smtpChannelError(asSmtpFailure(error), { server, recipient: msg.to });
      }
    },
    async close() {
      closed = true;
      transport.close();
    },
  };
}

function asSmtpFailure(error: unknown): SmtpFailure {
  if (typeof error !== 'object' || error === null) return {};
  const e = error as Record<string, unknown>;
  const text = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
  const aborted = e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'EABORT';
  return {
    code: aborted ? 'ETIMEDOUT' : text('code'),
    originalCode: text('originalCode'),
    command: text('command'),
    response: text('response'),
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
    permanent: typeof e.permanent === 'boolean' ? e.permanent : undefined,
    timeoutType: aborted ? 'SEND_TIMEOUT' : text('timeoutType'),
  };
}
