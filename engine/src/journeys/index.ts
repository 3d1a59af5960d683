/**
 * Journeys at run time: which outbox events start or move journey runs, and one step at a time
 * for the Temporal workflow that runs each (see workflows/src/workflows/journey.ts). Message
 * delivery itself is the caller's: channels live with the worker.
 */
export { collectJourneyWork, CollectJourneyWorkInput, type JourneySignal, type JourneyStart, type JourneyWork } from './collect-journey-work';
export { isEvent, journeyEventOf, startsOn, type JourneyOccurrence } from './journey-events';
export { journeyResults, JourneyResultsInput, JOURNEY_RESULTS_DEFAULT_DAYS, type JourneyResult } from './journey-results';
export { listMemberJourneys, ListMemberJourneysInput, type MemberJourneyRun } from './list-member-journeys';
export type { MessageDraft, MessageOutcome } from './message-log';
export { outboxCursor, readOutbox, saveOutboxCursor } from './outbox-feed';
export { endJourneyRun, journeyConditionHolds, JourneyStepInput, recordDelivery, runJourneyStep, type StepOutcome } from './run-journey-step';
export { frequencyCapReason, quietMinutesLeft, recipientFor } from './send-policy';
export { pickVariant } from './split';
export { withWelcomeJourney } from './test-journey';
