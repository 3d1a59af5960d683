import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';
import { programVersions } from './program-versions';

/** Where a version stands: draft → in-review → approved/rejected/superseded → rolling-out → active → retired (or rolled-back). */
export const VERSION_STATUSES = ['draft', 'in-review', 'approved', 'rejected', 'superseded', 'rolling-out', 'active', 'retired', 'rolled-back'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** The current status of each version (a projection; a version without a row is a draft). */
export const versionStatus = sqliteTable(
  'version_status',
  {
    versionId: text('version_id')
      .primaryKey()
      .references(() => programVersions.id),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    since: text('since').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('version_status_program').on(t.programId, t.status)],
);

/** Every status change of every version, append-only (triggers refuse UPDATE and DELETE). */
export const versionStatusEvents = sqliteTable(
  'version_status_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    fromStatus: text('from_status', { enum: VERSION_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: VERSION_STATUSES }).notNull(),
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('version_status_events_version').on(t.versionId, t.seq)],
);

export const REVIEW_STATUSES = ['in-review', 'approved', 'rejected', 'superseded'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * One review of one version, mirrored from the approval workflow by its activities so the
 * studio lists reviews without asking Temporal. The id is the workflow run id.
 */
export const versionReviews = sqliteTable(
  'version_reviews',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    versionNumber: integer('version_number').notNull(),
    author: text('author').notNull(),
    status: text('status', { enum: REVIEW_STATUSES }).notNull(),
    /** JSON array of approver roles that must each approve. */
    requiredRoles: text('required_roles').notNull(),
    reminderAfterHours: integer('reminder_after_hours').notNull(),
    /** JSON: { passed, ran, failures, note } of the scenario gate, null until it ran. */
    scenarioGate: text('scenario_gate'),
    supersededByVersionId: text('superseded_by_version_id'),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [index('version_reviews_program').on(t.programId, t.openedAt), index('version_reviews_version').on(t.versionId)],
);

export const REVIEW_EVENT_KINDS = ['submitted', 'scenarios', 'approved', 'rejected', 'comment', 'reminder', 'superseded', 'decided'] as const;
export type ReviewEventKind = (typeof REVIEW_EVENT_KINDS)[number];

/** What happened in a review, with who and when; append-only. The workflow numbers them. */
export const reviewEvents = sqliteTable(
  'review_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: text('review_id')
      .notNull()
      .references(() => versionReviews.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: REVIEW_EVENT_KINDS }).notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    /** Approver role a decision was made in. */
    role: text('role'),
    text: text('text').notNull().default(''),
    data: text('data').notNull().default('{}'),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('review_events_review_seq').on(t.reviewId, t.seq)],
);
