import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';
import { programVersions } from './program-versions';

export const ROLLOUT_STATUSES = ['running', 'paused', 'completed', 'aborted', 'rolled-back'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/**
 * One staged rollout of a version, mirrored from the rollout workflow by its activities.
 * `stages` is the plan (JSON); `stage_index` the stage in force.
 */
export const rollouts = sqliteTable(
  'rollouts',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    /** The version members had before: the control group and the rollback target. */
    fromVersionId: text('from_version_id')
      .notNull()
      .references(() => programVersions.id),
    status: text('status', { enum: ROLLOUT_STATUSES }).notNull(),
    stages: text('stages').notNull(),
    guardrails: text('guardrails').notNull(),
    stageIndex: integer('stage_index').notNull().default(-1),
    /** JSON of the latest guardrail check. */
    lastCheck: text('last_check'),
    startedBy: text('started_by').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    outcome: text('outcome'),
  },
  (t) => [index('rollouts_program').on(t.programId, t.startedAt)],
);

export const ROLLOUT_EVENT_KINDS = [
  'started',
  'stage',
  'paused',
  'resumed',
  'promoted',
  'guardrail-breach',
  'rolled-back',
  'aborted',
  'completed',
] as const;
export type RolloutEventKind = (typeof ROLLOUT_EVENT_KINDS)[number];

/** What happened in a rollout, who did it and why; append-only. */
export const rolloutEvents = sqliteTable(
  'rollout_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rolloutId: text('rollout_id')
      .notNull()
      .references(() => rollouts.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ROLLOUT_EVENT_KINDS }).notNull(),
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    data: text('data').notNull().default('{}'),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('rollout_events_rollout_seq').on(t.rolloutId, t.seq)],
);
