import { ChannelError } from './channel-error';
import { excerpt } from './redact';

/** The fields nodemailer puts on the errors it hands back (its `NodemailerError`), all optional. */
export type SmtpFailure = {
  code?: string | undefined;
  originalCode?: string | undefined;
  command?: string | undefined;
  response?: string | undefined;
  responseCode?: number | undefined;
  permanent?: boolean | undefined;
  timeoutType?: string | undefined;
};

/** Errors about the message itself or our settings: sending the same thing again fails the same way. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMAXRECIPIENTS', 'ECONFIG', 'EFILEACCESS', 'EURLACCESS', 'ENOAUTH']);

/**
 * Turns a nodemailer failure into a ChannelError. A reply code decides first: 5xx means the server
 * refused for good, 4xx that it may accept later; nodemailer's own `permanent` flag refines this (a
 * 503 "bad sequence of commands" is about the session, not the message, so it is retried). Without a
 * reply code, connection trouble (refused, reset, timeouts, DNS, TLS) is transient.
 *
 * `server` names the server in messages (host:port, never the credentials); `recipient` is redacted
 * from the server's text, which often quotes it.
 * @example smtpChannelError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 unknown user' }, { server: 'mail:25', recipient: 'a@b.c' })
 *   // ChannelError rejected: "The email server refused the recipient (550): unknown user"
 */
export function smtpChannelError(failure: SmtpFailure, { server, recipient }: { server: string; recipient: string }): ChannelError {
  const { responseCode, code } = failure;
  if (responseCode !== undefined && responseCode >= 400) {
    const permanent = failure.permanent ?? responseCode >= 500;
    const what = refusedPart(failure.command);
    // The reply repeats its code ("550 5.1.1 ..."); quote only what follows it.
    const text = failure.response ? excerpt(failure.response.replace(/^\d{3}[ -]/, ''), [recipient]) : '';
    const said = text ? `: ${text}` : '';
    return permanent
      ? new ChannelError('rejected', `The email server refused ${what.noun} (${responseCode})${said}${what.hint}`, { channel: 'email', status: responseCode })
      : new ChannelError('unavailable', `The email server deferred ${what.noun} (${responseCode})${said}; try again later`, { channel: 'email', status: responseCode });
  }
  if (code && PERMANENT_CODES.has(code)) {
    const hint = code === 'ENOAUTH' ? ': the server requires a login, add user and password to SMTP_URL' : '';
    return new ChannelError('rejected', `The email could not be sent (${code})${hint}`, { channel: 'email', status: code });
  }
  const cause = failure.originalCode ?? code ?? 'unknown error';
  if (code === 'ETIMEDOUT' || failure.timeoutType) {
    return new ChannelError('unavailable', `The email server at ${server} did not answer in time (${failure.timeoutType ?? code}); try again later`, { channel: 'email', status: cause });
  }
  if (code === 'ETLS') {
    return new ChannelError('unavailable', `The TLS connection to the email server at ${server} failed (${cause}); check that the server's certificate is valid and the port and smtp:// or smtps:// in SMTP_URL match it`, { channel: 'email', status: cause });
  }
  return new ChannelError('unavailable', `Could not reach the email server at ${server} (${cause}); try again later, or check SMTP_URL`, { channel: 'email', status: cause });
}

function refusedPart(command: string | undefined): { noun: string; hint: string } {
  const c = (command ?? '').toUpperCase();
  if (c.startsWith('RCPT')) return { noun: 'the recipient', hint: '' };
  if (c.startsWith('MAIL')) return { noun: 'the sender address', hint: '; check MAIL_FROM' };
  if (c.startsWith('AUTH')) return { noun: 'the login', hint: '; check the user name and password in SMTP_URL' };
  if (c.startsWith('DATA') || c === '') return { noun: 'the message', hint: '' };
  return { noun: `the command ${c.split(' ')[0]}`, hint: '' };
}
