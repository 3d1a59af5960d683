import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained record of every change people make. Each row's hash
 * covers its content and the previous row's hash, so any edit breaks the chain.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actorType: text('actor_type', { enum: ['staff', 'api-key', 'member', 'system'] }).notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON; personal data is not written here, only ids and business values. */
    before: text('before'),
    after: text('after'),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_entity').on(t.entityType, t.entityId), index('audit_log_actor').on(t.actorId)],
);
