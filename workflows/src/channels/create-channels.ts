import { ChannelError } from './channel-error';
import { parseChannelConfig, type ChannelConfig } from './config';
import { createEmailSender } from './email';
import { createHttpProvider } from './http-provider';
import { CHANNEL_NAMES, type ChannelName, type DeliveryResult, type OutgoingMessage, type Sender } from './types';

/** The message channels of one worker: deliver through whichever are configured, close once at shutdown. */
export type Channels = {
  /** Sends one message; fails with a ChannelError whose `kind` says whether to retry. */
  deliver(msg: OutgoingMessage): Promise<DeliveryResult>;
  /** Whether the channel is set up in this installation. */
  configured(channel: ChannelName): boolean;
  /** Closes the SMTP connections; call once when the worker stops. */
  close(): Promise<void>;
};

const NOT_CONFIGURED: Record<ChannelName, string> = {
  email: 'No email server is configured: set SMTP_URL and MAIL_FROM',
  sms: 'No SMS provider is configured: set SMS_PROVIDER_URL (and SMS_PROVIDER_TOKEN if the provider needs one)',
  push: 'No push provider is configured: set PUSH_PROVIDER_URL (and PUSH_PROVIDER_TOKEN if the provider needs one)',
};

/**
 * The channels described by `config`; those it leaves unset answer `not-configured`. Validates the
 * config again (it may be built by hand, e.g. in tests) and throws ChannelConfigError when it is wrong.
 * @example
 *   const channels = createChannels(loadChannelConfig(process.env));
 *   const { providerRef } = await channels.deliver({ id: 'run-abc:3', channel: 'email', to: 'ada@example.com', subject: 'Welcome', body: 'Hello Ada' });
 *   await channels.close();
 */
export function createChannels(config: ChannelConfig): Channels {
  const c = parseChannelConfig(config);
  const senders = new Map<ChannelName, Sender>();
  if (c.SMTP_URL && c.MAIL_FROM) senders.set('email', createEmailSender({ smtpUrl: c.SMTP_URL, mailFrom: c.MAIL_FROM }));
  if (c.SMS_PROVIDER_URL) senders.set('sms', createHttpProvider({ channel: 'sms', url: c.SMS_PROVIDER_URL, token: c.SMS_PROVIDER_TOKEN }));
  if (c.PUSH_PROVIDER_URL) senders.set('push', createHttpProvider({ channel: 'push', url: c.PUSH_PROVIDER_URL, token: c.PUSH_PROVIDER_TOKEN }));

  return {
    async deliver(msg) {
      // The type says ChannelName, but messages come through Temporal as JSON: check at the boundary.
      if (!CHANNEL_NAMES.includes(msg.channel)) {
        throw new ChannelError('rejected', `Messages on the channel '${String(msg.channel)}' cannot be delivered; expected email, sms or push`);
      }
      const sender = senders.get(msg.channel);
      if (!sender) throw new ChannelError('not-configured', NOT_CONFIGURED[msg.channel], { channel: msg.channel });
      if (!msg.id) throw new ChannelError('rejected', `The ${msg.channel} message has no id to deliver it idempotently`, { channel: msg.channel });
      return sender.send(msg);
    },
    configured: (channel) => senders.has(channel),
    async close() {
      await Promise.all([...senders.values()].map((s) => s.close()));
    },
  };
}
