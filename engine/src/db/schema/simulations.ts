import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';
import { programVersions } from './program-versions';

/**
 * Histories imported from CSV for backtests (synthetic presets and the shipped Online Retail
 * history are built in and have no row). The CSV text is kept with its column mapping and import
 * options (JSON), so the history can be imported again when a simulation needs it.
 */
export const simulationDatasets = sqliteTable('simulation_datasets', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  currency: text('currency').notNull(),
  transactionsCsv: text('transactions_csv').notNull(),
  membersCsv: text('members_csv'),
  /** JSON: mapping, member mapping, date format, time zone, cancellation prefix, store and channel. */
  options: text('options').notNull(),
  /** JSON: the import report (rows read, imported, skipped by reason, members, purchases, returns). */
  report: text('report').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const SIMULATION_RUN_KINDS = ['run', 'compare'] as const;
export type SimulationRunKind = (typeof SIMULATION_RUN_KINDS)[number];

/** One simulation: a version (or two, side by side) replayed over a dataset. */
export const simulationRuns = sqliteTable(
  'simulation_runs',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    kind: text('kind', { enum: SIMULATION_RUN_KINDS }).notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    /** The second version of a side-by-side comparison. */
    versionIdB: text('version_id_b').references(() => programVersions.id),
    datasetId: text('dataset_id').notNull(),
    datasetName: text('dataset_name').notNull(),
    /** JSON: the replay options used (redemption model, period). */
    options: text('options').notNull(),
    /** JSON: headline figures for lists (issued, redeemed, expired, liability, breakage). */
    summary: text('summary').notNull(),
    durationMs: integer('duration_ms').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('simulation_runs_program').on(t.programId, t.createdAt), index('simulation_runs_version').on(t.versionId)],
);

/** The full result of each version in a run: `a` (or the only one) and `b`; JSON `SimulationResult`. */
export const simulationResults = sqliteTable(
  'simulation_results',
  {
    runId: text('run_id')
      .notNull()
      .references(() => simulationRuns.id),
    side: text('side', { enum: ['a', 'b'] }).notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    result: text('result').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.side] })],
);
