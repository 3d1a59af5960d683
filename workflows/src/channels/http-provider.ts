import { ChannelError } from './channel-error';
import { excerpt } from './redact';
import type { DeliveryResult, OutgoingMessage, Sender } from './types';

/** Settings of one HTTP JSON provider (SMS or push). */
export type HttpProviderSettings = {
  channel: 'sms' | 'push';
  url: string;
  token?: string | undefined;
};

// Long enough for a slow provider, short enough that a hung one frees the worker for the retry.
const REQUEST_TIMEOUT_MS = 10_000;

const LABEL = { sms: 'SMS', push: 'push' } as const;

/**
 * A provider that takes messages as `POST <url>` with JSON `{ id, to, body, title? }` (title = the
 * subject, for push), an `Idempotency-Key` header (the send's id, so a retried request is not sent
 * twice) and `Authorization: Bearer <token>` when a token is set.
 *
 * 2xx: delivered; `providerRef` is the `id` or `messageId` of the JSON answer, else the idempotency key.
 * 4xx (but 408, 429): refused for good. 5xx, 408, 429, network errors and timeouts: try again later.
 * @example
 *   const sms = createHttpProvider({ channel: 'sms', url: 'https://sms.example.com/v1/messages', token: 'secret' });
 *   await sms.send({ id: 'run-abc:3', channel: 'sms', to: '+4915112345678', body: 'Your code: 1234' });
 */
export function createHttpProvider({ channel, url, token }: HttpProviderSettings): Sender {
  const label = LABEL[channel];
  const variable = `${channel.toUpperCase()}_PROVIDER`;
  // For messages: where we sent it, without path or query (either may carry a key).
  const where = new URL(url).host;

  return {
    async send(msg: OutgoingMessage): Promise<DeliveryResult> {
      if (!msg.to.trim()) throw new ChannelError('rejected', `The ${label} message has no recipient`, { channel });
      const payload: Record<string, string> = { id: msg.id, to: msg.to, body: msg.body };
      if (channel === 'push' && msg.subject) payload.title = msg.subject;
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': msg.id };
      if (token) headers.Authorization = `Bearer ${token}`;

      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(payload),
          // A redirect is a wrong URL; following it would turn the POST into a GET.
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        text = await response.text();
      } catch (error) {
        throw networkError(error, { channel, label, where });
      }

      const status = response.status;
      const said = () => {
        const detail = providerDetail(text);
        return detail ? `: ${excerpt(detail, [msg.to, msg.body])}` : '';
      };
      if (status >= 200 && status < 300) return { providerRef: providerRef(text) ?? msg.id };
      if (status === 408 || status === 429 || status >= 500) {
        throw new ChannelError('unavailable', `The ${label} provider could not take the message now (${status})${said()}; try again later`, { channel, status });
      }
      if (status === 401 || status === 403) {
        throw new ChannelError('rejected', `The ${label} provider refused our credentials (${status})${said()}; check ${variable}_TOKEN`, { channel, status });
      }
      if (status === 404 || status === 405 || (status >= 300 && status < 400)) {
        throw new ChannelError('rejected', `The ${label} provider did not accept messages at the configured address (${status})${said()}; check ${variable}_URL`, { channel, status });
      }
      throw new ChannelError('rejected', `The ${label} provider refused the message (${status})${said()}`, { channel, status });
    },
    async close() {
      // fetch keeps no per-provider state to release.
    },
  };
}

function networkError(error: unknown, { channel, label, where }: { channel: 'sms' | 'push'; label: string; where: string }): ChannelError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ChannelError('unavailable', `The ${label} provider at ${where} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s; try again later`, { channel, status: 'ETIMEDOUT' });
  }
  // undici reports "fetch failed" and puts the socket error (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : name || 'network error';
  return new ChannelError('unavailable', `Could not reach the ${label} provider at ${where} (${code}); try again later, or check ${channel.toUpperCase()}_PROVIDER_URL`, { channel, status: code });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The provider's id for the message, from `{ id }` or `{ messageId }`. */
function providerRef(text: string): string | undefined {
  const json = parseJson(text);
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  for (const key of ['id', 'messageId']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/**
 * What the provider said was wrong: `detail` (RFC 9457 problem details), `message`, `error` (a
 * string or `{ message }`), `title`; otherwise the raw text unless it is an HTML error page.
 */
function providerDetail(text: string): string {
  const json = parseJson(text);
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>;
    const nested = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>).message : undefined;
    for (const value of [record.detail, record.message, record.error, nested, record.title]) {
      if (typeof value === 'string' && value.trim()) return value;
    }
    return '';
  }
  return /^\s*</.test(text) ? '' : text;
}
