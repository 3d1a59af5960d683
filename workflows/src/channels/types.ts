/** The channels a journey can send through. Receipts are printed by the till, not delivered here. */
export type ChannelName = 'email' | 'sms' | 'push';

/** Every channel name, for iteration and validation. */
export const CHANNEL_NAMES: readonly ChannelName[] = ['email', 'sms', 'push'];

/**
 * One message, ready to hand to a provider. The text is already rendered; channels only deliver.
 * @example { id: 'run-abc:3', channel: 'email', to: 'ada@example.com', subject: 'Welcome', body: 'Hello Ada', locale: 'en' }
 */
export type OutgoingMessage = {
  /** Idempotency key of the send, e.g. `run-abc:3`: the same key means the same message, also on a retry. */
  id: string;
  channel: ChannelName;
  /** Email address, E.164 phone number, or push device/member id, depending on the channel. */
  to: string;
  /** Email subject or push title; SMS has none. */
  subject?: string | null;
  body: string;
  /** BCP 47 language tag of the text, e.g. `de-AT`. */
  locale?: string | null;
};

/** What the provider accepted the message as: its id, for tracing the message on the provider's side. */
export type DeliveryResult = { providerRef: string };

/** The part of a channel that sends: one provider adapter per configured channel. */
export type Sender = {
  send(msg: OutgoingMessage): Promise<DeliveryResult>;
  close(): Promise<void>;
};
