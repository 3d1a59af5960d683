import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Manual point adjustments asked for by staff. Small ones are applied at once; above the
 * threshold a second person must approve. The ledger transaction id is `adjust:<id>`.
 */
export const adjustmentRequests = sqliteTable(
  'adjustment_requests',
  {
    id: text('id').primaryKey(),
    programId: text('program_id').notNull(),
    memberId: text('member_id').notNull(),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: text('requested_at').notNull(),
    status: text('status', { enum: ['pending', 'applied', 'rejected'] }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('adjustment_requests_status').on(t.programId, t.status), index('adjustment_requests_member').on(t.memberId)],
);
