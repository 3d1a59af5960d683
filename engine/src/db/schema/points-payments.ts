import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { programs } from './programs';
import { programVersions } from './program-versions';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const POINTS_PAYMENT_STATUSES = ['reserved', 'committed', 'cancelled', 'lapsed'] as const;
export type PointsPaymentStatus = (typeof POINTS_PAYMENT_STATUSES)[number];

/**
 * Part of a purchase paid with points (spending rule `allowPartialPayWithPoints`): one step
 * (`committed` at once, web shops) or reserved at a till, then committed, cancelled or lapsed.
 * The points live in the ledger; this row keeps the money side and the link to the purchase.
 */
export const pointsPayments = sqliteTable(
  'points_payments',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** The version whose spending rules and point value applied. */
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    /** Store or channel of the key that took the payment; only it can commit, cancel or use it. */
    storeId: text('store_id').notNull(),
    /** Money paid with points, in the program currency (cents). */
    amount: real('amount').notNull(),
    points: integer('points').notNull(),
    /** The basket the share rule was checked against. */
    basketTotal: real('basket_total').notNull(),
    status: text('status', { enum: POINTS_PAYMENT_STATUSES }).notNull(),
    /** The ledger reservation (two-step); null for one-step payments. */
    reserveTransactionId: text('reserve_transaction_id'),
    /** The ledger transaction that spent the points: the commit (two-step) or the redeem (one-step). */
    paymentTransactionId: text('payment_transaction_id'),
    /** The ledger transaction that gave a cancelled or lapsed hold back. */
    releaseTransactionId: text('release_transaction_id'),
    /** When a reservation lapses. */
    holdExpiresAt: text('hold_expires_at'),
    /** The purchase this payment paid part of; a payment pays for one purchase at most. */
    purchaseId: text('purchase_id'),
    createdAt: text('created_at').notNull().default(now),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('points_payments_member').on(t.memberId, t.createdAt),
    index('points_payments_status_hold').on(t.programId, t.status, t.holdExpiresAt),
    uniqueIndex('points_payments_purchase').on(t.purchaseId),
  ],
);
