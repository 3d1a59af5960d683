import type { ChannelName } from './types';

/**
 * How a delivery failed, which decides what the caller does next:
 * - `not-configured`: the channel is not set up in this installation; retrying will not help.
 * - `rejected`: the provider refused this message for good (bad address, bad request); do not retry.
 * - `unavailable`: the provider could not be reached or asked to come back later; retry.
 */
export type ChannelErrorKind = 'not-configured' | 'rejected' | 'unavailable';

/**
 * A delivery that did not happen, with a message a support person can act on. The message and
 * fields never hold the recipient's address or the message text (both are personal data, and
 * errors end up in logs and in the message log); no provider error is attached as `cause` for the
 * same reason, since those often quote the recipient.
 * @example
 *   throw new ChannelError('rejected', 'The SMS provider refused the message (400): invalid number', { channel: 'sms', status: 400 });
 */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  readonly kind: ChannelErrorKind;
  readonly channel: ChannelName | undefined;
  /** The provider's answer: HTTP status, SMTP reply code, or a network error code such as `ECONNREFUSED`. */
  readonly status: number | string | undefined;

  constructor(kind: ChannelErrorKind, message: string, details: { channel?: ChannelName; status?: number | string } = {}) {
    super(message);
    this.kind = kind;
    this.channel = details.channel;
    this.status = details.status;
  }

  /** Whether trying the same message again later can succeed. */
  get retryable(): boolean {
    return this.kind === 'unavailable';
  }
}
