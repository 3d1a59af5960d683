import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Integration keys for tills, web shops and other systems; only the digest is stored. */
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  /** Shown in lists so people can tell keys apart; not secret. */
  prefix: text('prefix').notNull().unique(),
  digest: text('digest').notNull(),
  name: text('name').notNull(),
  programId: text('program_id').notNull(),
  /** Store or channel the key belongs to; purchases posted with it are attributed there. */
  storeId: text('store_id').notNull(),
  /** JSON array of scopes such as ["purchases:write","members:read"]. */
  scopes: text('scopes').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
});
