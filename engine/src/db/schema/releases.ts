import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';
import { programVersions } from './program-versions';

/**
 * Which version runs for whom, append-only: every activation, rollout stage change
 * and rollback is a new row, so the history of what ran when is complete.
 * The latest row of a program is in force. `canaryVersionId` with `canaryShare` (0-10000,
 * basis points) sends that share of members, chosen by a stable hash of the member id,
 * to the canary; everyone else gets `versionId`.
 */
export const programReleases = sqliteTable(
  'program_releases',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    canaryVersionId: text('canary_version_id').references(() => programVersions.id),
    canaryShare: integer('canary_share').notNull().default(0),
    /** Member ids that get the canary whatever the share (internal test members). */
    canaryMembers: text('canary_members').notNull().default('[]'),
    reason: text('reason').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('program_releases_program').on(t.programId, t.seq)],
);
