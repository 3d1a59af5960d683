import { z } from 'zod';
import { parseMailSender } from './mail-address';

// Empty values count as unset: `SMS_PROVIDER_URL=` in a .env file means "no SMS".
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const SMTP_EXAMPLE = 'smtp://user:password@mail.example.com:587 or smtps://mail.example.com';

/** Why an SMTP_URL cannot be used, or null. Never quotes the value: it may hold a password. */
function smtpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `expected a URL such as ${SMTP_EXAMPLE} (percent-encode special characters in the user name and password)`;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return `expected a URL starting with smtp:// or smtps://, got ${url.protocol}//`;
  }
  if (!url.hostname) return `the URL has no host name; expected for example ${SMTP_EXAMPLE}`;
  if (url.password && !url.username) return 'the URL has a password but no user name';
  return null;
}

/** Why a provider URL cannot be used, or null. Never quotes the value: it may hold a key. */
function httpUrlProblem(value: string, tokenVariable: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'expected an http:// or https:// URL, such as https://provider.example.com/v1/messages';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `expected a URL starting with http:// or https://, got ${url.protocol}//`;
  }
  if (!url.hostname) return 'the URL has no host name';
  // fetch() refuses such URLs; say where the secret belongs instead.
  if (url.username || url.password) return `the URL must not contain a user name or password; put the provider's API token in ${tokenVariable}`;
  return null;
}

function tokenProblem(value: string): string | null {
  if (/^bearer\s/i.test(value)) return "give the token alone, without the 'Bearer ' prefix";
  if (/\s/.test(value)) return 'the token must not contain spaces or line breaks';
  return null;
}

const checked = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

const mailFrom = checked((v) =>
  parseMailSender(v) ? null : `expected an email address, optionally with a name, such as no-reply@example.com or "Example Rewards <no-reply@example.com>", got '${v}'`,
);

/**
 * The environment variables of the message channels. Every channel is optional: one that is not
 * set up is simply not configured, and sending through it fails with `not-configured`.
 * Values are the validated, trimmed strings; empty strings count as unset.
 */
export const ChannelConfig = z
  .object({
    /** SMTP server for email, e.g. `smtps://user:password@mail.example.com:465`. */
    SMTP_URL: optionalText.pipe(checked(smtpUrlProblem).optional()),
    /** Sender of emails, `no-reply@example.com` or `Example Rewards <no-reply@example.com>`; required with SMTP_URL. */
    MAIL_FROM: optionalText.pipe(mailFrom.optional()),
    /** Endpoint of the HTTP JSON SMS provider. */
    SMS_PROVIDER_URL: optionalText.pipe(checked((v) => httpUrlProblem(v, 'SMS_PROVIDER_TOKEN')).optional()),
    /** Bearer token for the SMS provider, when it needs one. */
    SMS_PROVIDER_TOKEN: optionalText.pipe(checked(tokenProblem).optional()),
    /** Endpoint of the HTTP JSON push provider. */
    PUSH_PROVIDER_URL: optionalText.pipe(checked((v) => httpUrlProblem(v, 'PUSH_PROVIDER_TOKEN')).optional()),
    /** Bearer token for the push provider, when it needs one. */
    PUSH_PROVIDER_TOKEN: optionalText.pipe(checked(tokenProblem).optional()),
  })
  .superRefine((c, ctx) => {
    // Half a channel is a mistake worth stopping for: it would otherwise fail every send quietly.
    if (c.SMTP_URL && !c.MAIL_FROM) {
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'required when SMTP_URL is set: the sender address of emails, such as no-reply@example.com' });
    }
    if (c.MAIL_FROM && !c.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'required when MAIL_FROM is set: the email server to send through, such as ' + SMTP_EXAMPLE });
    }
    for (const channel of ['SMS', 'PUSH'] as const) {
      if (c[`${channel}_PROVIDER_TOKEN`] && !c[`${channel}_PROVIDER_URL`]) {
        ctx.addIssue({ code: 'custom', path: [`${channel}_PROVIDER_URL`], message: `required when ${channel}_PROVIDER_TOKEN is set: the provider's endpoint URL` });
      }
    }
  });
export type ChannelConfig = z.infer<typeof ChannelConfig>;

/** Thrown when the channel settings in the environment cannot be used; lists every problem. */
export class ChannelConfigError extends Error {
  override readonly name = 'ChannelConfigError';
  constructor(readonly problems: string[]) {
    super(`Message channel settings are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Validates a channel config built by hand or read from the environment; throws `ChannelConfigError`.
 * @example parseChannelConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'no-reply@example.com' })
 */
export function parseChannelConfig(input: Record<string, string | undefined>): ChannelConfig {
  const known = Object.fromEntries(Object.keys(ChannelConfig.shape).map((k) => [k, input[k]]));
  const parsed = ChannelConfig.safeParse(known);
  if (!parsed.success) {
    throw new ChannelConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'channel settings')}: ${issue.message}`));
  }
  return parsed.data;
}

/**
 * Reads the channel settings from the environment (SMTP_URL, MAIL_FROM, SMS_PROVIDER_URL,
 * SMS_PROVIDER_TOKEN, PUSH_PROVIDER_URL, PUSH_PROVIDER_TOKEN). Throws `ChannelConfigError` naming
 * each variable that is wrong and why.
 * @example
 *   const channels = createChannels(loadChannelConfig(process.env));
 *   loadChannelConfig({ SMTP_URL: 'http://mail' }); // throws "SMTP_URL: expected a URL starting with smtp:// or smtps://, got http://"
 */
export function loadChannelConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): ChannelConfig {
  return parseChannelConfig(env);
}
