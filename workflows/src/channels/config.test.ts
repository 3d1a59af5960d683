import { describe, expect, it } from 'vitest';
import { ChannelConfigError, loadChannelConfig } from './config';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadChannelConfig(env);
  } catch (error) {
    if (error instanceof ChannelConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be refused');
}

describe('loadChannelConfig', () => {
  it('configures nothing when nothing is set, and counts empty values as unset', () => {
    expect(loadChannelConfig({})).toEqual({});
    expect(loadChannelConfig({ SMTP_URL: '', MAIL_FROM: '  ', SMS_PROVIDER_URL: '' })).toEqual({});
  });

  it('reads every channel, trimmed, and ignores unrelated variables', () => {
    const config = loadChannelConfig({
      SMTP_URL: ' smtps://user:p%40ss@mail.example.com:465 ',
      MAIL_FROM: 'Example Rewards <no-reply@example.com>',
      SMS_PROVIDER_URL: 'https://sms.example.com/v1/messages',
      SMS_PROVIDER_TOKEN: 'sms-secret',
      PUSH_PROVIDER_URL: 'http://127.0.0.1:8080/push',
      PATH: '/usr/bin',
    });
    expect(config).toEqual({
      SMTP_URL: 'smtps://user:p%40ss@mail.example.com:465',
      MAIL_FROM: 'Example Rewards <no-reply@example.com>',
      SMS_PROVIDER_URL: 'https://sms.example.com/v1/messages',
      SMS_PROVIDER_TOKEN: 'sms-secret',
      PUSH_PROVIDER_URL: 'http://127.0.0.1:8080/push',
    });
  });

  it.each([
    'no-reply@example.com',
    'Example Rewards <no-reply@example.com>',
    '"Example, Rewards" <no-reply@example.com>',
    '<no-reply@example.com>',
  ])('accepts MAIL_FROM %s', (from) => {
    expect(loadChannelConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: from }).MAIL_FROM).toBe(from);
  });

  it.each([
    ['http://mail.example.com', 'SMTP_URL: expected a URL starting with smtp:// or smtps://, got http://'],
    ['mail.example.com:25', 'SMTP_URL: expected a URL starting with smtp:// or smtps://, got mail.example.com:'],
    ['not a url', 'SMTP_URL: expected a URL such as smtp://user:password@mail.example.com:587'],
    ['smtp://mail.example.com:99999', 'SMTP_URL: expected a URL such as'],
  ])('refuses SMTP_URL %s, saying what is wrong', (value, message) => {
    expect(problemsOf({ SMTP_URL: value, MAIL_FROM: 'no-reply@example.com' })).toEqual([expect.stringContaining(message)]);
  });

  it('never repeats an SMTP_URL or token in its messages: they may hold passwords', () => {
    const problems = problemsOf({ SMTP_URL: 'http://user:hunter2@mail.example.com', MAIL_FROM: 'x@example.com', SMS_PROVIDER_URL: 'https://sms.example.com', SMS_PROVIDER_TOKEN: 'hunter2 x' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it.each(['no-reply', 'Example Rewards', 'a@b', 'Evil\r\nBcc: x@example.com <no-reply@example.com>'])('refuses MAIL_FROM %j', (from) => {
    expect(problemsOf({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: from })).toEqual([
      expect.stringMatching(/^MAIL_FROM: expected an email address, optionally with a name, such as no-reply@example.com/),
    ]);
  });

  it('asks for the other half of a channel that is only half set up', () => {
    expect(problemsOf({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toEqual([
      'MAIL_FROM: required when SMTP_URL is set: the sender address of emails, such as no-reply@example.com',
    ]);
    expect(problemsOf({ MAIL_FROM: 'no-reply@example.com' })).toEqual([expect.stringMatching(/^SMTP_URL: required when MAIL_FROM is set/)]);
    expect(problemsOf({ SMS_PROVIDER_TOKEN: 'secret' })).toEqual(["SMS_PROVIDER_URL: required when SMS_PROVIDER_TOKEN is set: the provider's endpoint URL"]);
    expect(problemsOf({ PUSH_PROVIDER_TOKEN: 'secret' })).toEqual(["PUSH_PROVIDER_URL: required when PUSH_PROVIDER_TOKEN is set: the provider's endpoint URL"]);
  });

  it('refuses provider URLs that are not http(s), or carry credentials, pointing at the token variable', () => {
    expect(problemsOf({ SMS_PROVIDER_URL: 'ftp://sms.example.com' })).toEqual(['SMS_PROVIDER_URL: expected a URL starting with http:// or https://, got ftp://']);
    expect(problemsOf({ PUSH_PROVIDER_URL: 'push.example.com/send' })).toEqual([expect.stringMatching(/^PUSH_PROVIDER_URL: expected an http:\/\/ or https:\/\/ URL/)]);
    expect(problemsOf({ SMS_PROVIDER_URL: 'https://key:secret@sms.example.com' })).toEqual([
      "SMS_PROVIDER_URL: the URL must not contain a user name or password; put the provider's API token in SMS_PROVIDER_TOKEN",
    ]);
  });

  it('refuses tokens that would break the Authorization header', () => {
    expect(problemsOf({ SMS_PROVIDER_URL: 'https://sms.example.com', SMS_PROVIDER_TOKEN: 'Bearer abc' })).toEqual([
      "SMS_PROVIDER_TOKEN: give the token alone, without the 'Bearer ' prefix",
    ]);
    expect(problemsOf({ PUSH_PROVIDER_URL: 'https://push.example.com', PUSH_PROVIDER_TOKEN: 'abc\ndef' })).toEqual([
      'PUSH_PROVIDER_TOKEN: the token must not contain spaces or line breaks',
    ]);
  });

  it('lists every problem at once in a readable error', () => {
    expect(() => loadChannelConfig({ SMTP_URL: 'http://mail', MAIL_FROM: 'nobody', PUSH_PROVIDER_URL: 'nope' })).toThrow(
      /^Message channel settings are not valid:\n {2}- SMTP_URL: .+\n {2}- MAIL_FROM: .+\n {2}- PUSH_PROVIDER_URL: .+$/,
    );
  });
});
