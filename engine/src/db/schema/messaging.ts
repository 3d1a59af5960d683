import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { programs } from './programs';
import { programVersions } from './program-versions';

export const JOURNEY_RUN_STATUSES = ['running', 'completed', 'failed'] as const;

/**
 * One member's way through one journey, run by a Temporal workflow of the same id. The id derives
 * from what started it (journey and member, plus the event for journeys a member may enter every
 * time), so an event seen twice never starts a journey twice. The journey is read from `version_id`,
 * the version the member was on when it started, for the whole run.
 */
export const journeyRuns = sqliteTable(
  'journey_runs',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    journeyId: text('journey_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** The outbox row that started it. */
    triggerEventId: text('trigger_event_id').notNull(),
    status: text('status', { enum: JOURNEY_RUN_STATUSES }).notNull().default('running'),
    /** The step being run or waited in; the last step once ended. */
    stepId: text('step_id').notNull(),
    /** The variant an A/B split put the member in, when the run passed one. */
    variant: text('variant'),
    /** Why a run failed, in words for support. */
    error: text('error'),
    startedAt: text('started_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [index('journey_runs_member').on(t.memberId, t.status), index('journey_runs_journey').on(t.programId, t.journeyId)],
);

export const MESSAGE_STATUSES = ['sent', 'queued', 'skipped', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * Every message a journey sent, or decided not to send and why. The id is the send's idempotency
 * key (`<run id>:<step number>`): a retried activity finds the row instead of sending again.
 * Receipt lines wait as `queued` until a till prints them.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    runId: text('run_id').references(() => journeyRuns.id),
    journeyId: text('journey_id'),
    stepId: text('step_id'),
    /** The message template of the program version. */
    templateId: text('template_id').notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'push', 'receipt'] }).notNull(),
    locale: text('locale'),
    /** Email address, phone number or device id the message went to. */
    recipient: text('recipient'),
    subject: text('subject'),
    body: text('body'),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    /** Why it was skipped or failed, in words for support. */
    reason: text('reason'),
    /** The provider's id of the delivery (SMTP message id, SMS/push provider reference). */
    providerRef: text('provider_ref'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [index('messages_member').on(t.memberId, t.createdAt), index('messages_program').on(t.programId, t.createdAt)],
);

/** How far each consumer of the outbox has read, by the outbox's insertion order (rowid). */
export const outboxCursors = sqliteTable('outbox_cursors', {
  consumer: text('consumer').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Which members are in the segments that start journeys on entry, as of the last daily review.
 * A member entering writes a `segment-entered` outbox event; leaving deletes the row, so a later
 * entry counts again.
 */
export const memberSegments = sqliteTable(
  'member_segments',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    segmentId: text('segment_id').notNull(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    /** Local date (YYYY-MM-DD, program time zone) of the review that found the member in it. */
    since: text('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.segmentId] }), index('member_segments_program').on(t.programId, t.segmentId)],
);
