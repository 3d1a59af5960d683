import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { programs } from './programs';

/**
 * Self-service tokens of members, issued by a shop after its own login (with a members:write
 * key) and revocable. Only the digest is stored.
 */
export const memberTokens = sqliteTable(
  'member_tokens',
  {
    id: text('id').primaryKey(),
    prefix: text('prefix').notNull().unique(),
    digest: text('digest').notNull(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** The API key that issued it. */
    issuedByKeyId: text('issued_by_key_id').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('member_tokens_member').on(t.memberId)],
);

/**
 * Idempotency-Key records of the REST API, per caller (`scope`: the API key or the member).
 * A key first seen is `in-flight`; its final status and body are kept for replays.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** Hash of method, path and body. */
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['in-flight', 'done'] }).notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    body: text('body'),
    createdAt: text('created_at').notNull(),
    completedAt: text('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);
