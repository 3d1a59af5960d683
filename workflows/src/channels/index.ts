export type { ChannelName, DeliveryResult, OutgoingMessage } from './types';
export { ChannelError, type ChannelErrorKind } from './channel-error';
export { ChannelConfig, ChannelConfigError, loadChannelConfig, parseChannelConfig } from './config';
export { createChannels, type Channels } from './create-channels';
export { emailMessageId } from './message-id';
