import { Context } from '@temporalio/activity';
import { endJourneyRun, journeyConditionHolds, recordDelivery, runJourneyStep, type JourneyStepInput, type MessageDraft } from '@loyalty/engine/journeys';
import { ChannelError, type Channels } from '../channels';
import { domainCall } from './approval';
import type { ActivityDeps } from './deps';

/** Attempts of `deliverJourneyMessage` (see the workflow's retry policy); the last one records a failure instead of retrying. */
export const DELIVERY_ATTEMPTS = 12;

/** Thin adapters over the engine's journey services, and delivery through the channels. */
export function createJourneyActivities({ db, log, channels }: ActivityDeps & { channels: Channels }) {
  return {
    runJourneyStep: (input: JourneyStepInput) => domainCall(() => runJourneyStep({ ctx: { db }, input })),
    journeyConditionHolds: (input: JourneyStepInput) => domainCall(() => journeyConditionHolds({ ctx: { db }, input })),
    endJourneyRun: (input: Parameters<typeof endJourneyRun>[0]['input']) => domainCall(() => endJourneyRun({ ctx: { db }, input })),
    /**
     * Hands a message to its channel and records the outcome. A provider that is down is retried
     * (the activity fails); one that refuses, or a channel not set up, is recorded as failed with
     * its reason, and the journey goes on.
     */
    async deliverJourneyMessage({ message, at }: { message: MessageDraft; at: string }): Promise<void> {
      const channel = message.channel;
      if (channel === 'receipt' || !message.to || message.body === null) throw new Error(`message ${message.id} is not deliverable`);
      try {
        const { providerRef } = await channels.deliver({ id: message.id, channel, to: message.to, subject: message.subject, body: message.body, locale: message.locale });
        recordDelivery({ ctx: { db }, input: { message, outcome: { status: 'sent', providerRef }, at } });
        log.info({ messageId: message.id, channel }, 'message sent');
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        if (error.kind === 'unavailable' && Context.current().info.attempt < DELIVERY_ATTEMPTS) throw error;
        recordDelivery({ ctx: { db }, input: { message, outcome: { status: 'failed', reason: error.message }, at } });
        log.warn({ messageId: message.id, channel, kind: error.kind }, 'message not delivered');
      }
    },
  };
}
