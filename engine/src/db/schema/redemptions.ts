import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { programs } from './programs';
import { programVersions } from './program-versions';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const REDEMPTION_STATUSES = ['reserved', 'redeemed', 'cancelled', 'lapsed'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/**
 * A reward taken from the catalog: one step (`redeemed`) or reserved at a till, then committed
 * (`redeemed`), cancelled or lapsed. The points live in the ledger (`ledgerTransactionId`).
 */
export const rewardRedemptions = sqliteTable(
  'reward_redemptions',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    rewardId: text('reward_id').notNull(),
    rewardName: text('reward_name').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    /** Store or channel of the key (or 'member' for self-service). */
    storeId: text('store_id').notNull(),
    points: integer('points').notNull(),
    basketTotal: real('basket_total'),
    status: text('status', { enum: REDEMPTION_STATUSES }).notNull(),
    /** The reserve transaction (two-step) or the redeem transaction (one-step). */
    ledgerTransactionId: text('ledger_transaction_id').notNull(),
    /** Code of a voucher reward. */
    code: text('code'),
    /** When a reservation lapses. */
    holdExpiresAt: text('hold_expires_at'),
    /** Until when the member can use the reward. */
    validUntil: text('valid_until'),
    createdAt: text('created_at').notNull().default(now),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('reward_redemptions_member').on(t.memberId, t.createdAt),
    index('reward_redemptions_status_hold').on(t.status, t.holdExpiresAt),
  ],
);

/**
 * Stock of a reward per program: `total` is the catalog stock it was last set from, `remaining`
 * what can still be taken (reservations hold a unit until they are cancelled or lapse).
 */
export const rewardStock = sqliteTable(
  'reward_stock',
  {
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    rewardId: text('reward_id').notNull(),
    total: integer('total').notNull(),
    remaining: integer('remaining').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.rewardId] }), check('reward_stock_remaining_nonnegative', sql`${t.remaining} >= 0`)],
);
