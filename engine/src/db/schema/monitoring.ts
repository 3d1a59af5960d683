import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';
import { programVersions } from './program-versions';

/**
 * Hourly figures per program version, aggregated from ledger transactions and the outbox.
 * `hour` is the start of the UTC hour (e.g. 2025-03-01T10:00:00.000Z). Rows are recomputed,
 * so this table is a cache of what the ledger says.
 */
export const versionMetrics = sqliteTable(
  'version_metrics',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    hour: text('hour').notNull(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    events: integer('events').notNull().default(0),
    pointsIssued: integer('points_issued').notNull().default(0),
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
    rewards: integer('rewards').notNull().default(0),
    messagesSent: integer('messages_sent').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    fraudFlags: integer('fraud_flags').notNull().default(0),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.hour] }), index('version_metrics_program_hour').on(t.programId, t.hour)],
);
