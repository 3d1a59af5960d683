import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';

/**
 * Immutable program versions: canonical JSON of the spec plus its content hash.
 * Updates and deletes are refused by triggers (see the migration).
 */
export const programVersions = sqliteTable(
  'program_versions',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    number: integer('number').notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => programVersions.id),
    contentHash: text('content_hash').notNull(),
    spec: text('spec').notNull(),
    note: text('note').notNull().default(''),
    author: text('author').notNull(),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    uniqueIndex('program_versions_program_number').on(t.programId, t.number),
    index('program_versions_hash').on(t.programId, t.contentHash),
  ],
);
