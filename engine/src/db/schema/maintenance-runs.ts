import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One run of the database maintenance workflow (WAL checkpoint, optimizer statistics). */
export const maintenanceRuns = sqliteTable('maintenance_runs', {
  /** Temporal workflow run id: a retried activity records the run once. */
  runId: text('run_id').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at').notNull(),
  walPagesCheckpointed: integer('wal_pages_checkpointed').notNull(),
  databaseBytes: integer('database_bytes').notNull(),
  integrity: text('integrity').notNull(),
});
