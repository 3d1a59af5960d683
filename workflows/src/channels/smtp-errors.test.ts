import { describe, expect, it } from 'vitest';
import { smtpChannelError } from './smtp-errors';

const where = { server: 'mail.example.com:587', recipient: 'ada@example.com' };

describe('smtpChannelError', () => {
  it('treats a 5xx reply as a refusal, naming what was refused, without the address', () => {
    const error = smtpChannelError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 <ada@example.com>: User unknown' }, where);
    expect(error).toMatchObject({ kind: 'rejected', channel: 'email', status: 550, message: 'The email server refused the recipient (550): 5.1.1 <[redacted]>: User unknown' });
  });

  it('points at the setting to fix when the sender or the login is refused', () => {
    expect(smtpChannelError({ command: 'MAIL FROM', responseCode: 553, response: '553 sender not owned by user' }, where).message).toBe(
      'The email server refused the sender address (553): sender not owned by user; check MAIL_FROM',
    );
    expect(smtpChannelError({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 5.7.8 Authentication failed' }, where)).toMatchObject({
      kind: 'rejected',
      message: 'The email server refused the login (535): 5.7.8 Authentication failed; check the user name and password in SMTP_URL',
    });
  });

  it('retries 4xx replies, and 503 which nodemailer marks as not permanent', () => {
    expect(smtpChannelError({ command: 'RCPT TO', responseCode: 451, response: '451 4.3.0 try later' }, where)).toMatchObject({ kind: 'unavailable', status: 451 });
    expect(smtpChannelError({ command: 'DATA', responseCode: 503, permanent: false, response: '503 bad sequence' }, where).kind).toBe('unavailable');
  });

  it('retries connection trouble, naming the server but no credentials', () => {
    expect(smtpChannelError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, where)).toMatchObject({
      kind: 'unavailable',
      status: 'ECONNREFUSED',
      message: 'Could not reach the email server at mail.example.com:587 (ECONNREFUSED); try again later, or check SMTP_URL',
    });
    expect(smtpChannelError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }, where).message).toBe(
      'The email server at mail.example.com:587 did not answer in time (GREETING_TIMEOUT); try again later',
    );
    expect(smtpChannelError({ code: 'ETLS' }, where).kind).toBe('unavailable');
    expect(smtpChannelError({}, where).kind).toBe('unavailable');
  });

  it('does not retry what would fail the same way again', () => {
    expect(smtpChannelError({ code: 'ENOAUTH' }, where)).toMatchObject({ kind: 'rejected', message: expect.stringContaining('add user and password to SMTP_URL') });
    expect(smtpChannelError({ code: 'EENVELOPE' }, where).kind).toBe('rejected');
  });
});
