import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { programs } from './programs';
import { programVersions } from './program-versions';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const LEDGER_ACCOUNT_KINDS = [
  'member-available',
  'member-pending',
  'member-reserved',
  'program-issued',
  'program-redeemed',
  'program-expired',
  'program-adjustments',
  'program-returns',
  'program-return-shortfall',
] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

export const LEDGER_TRANSACTION_KINDS = [
  'earn',
  'release',
  'redeem',
  'reserve',
  'commit-reservation',
  'cancel-reservation',
  'expire',
  'reverse',
  'adjust',
  'merge',
  'hold',
  'release-hold',
  'refund',
] as const;
export type LedgerTransactionKind = (typeof LEDGER_TRANSACTION_KINDS)[number];

/** `held`: points kept in the member's pending account by a fraud rule until a reviewer decides. */
export const LOT_STATUSES = ['pending', 'available', 'held', 'consumed', 'expired', 'merged'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** A points account: three per member, six per program. Balance = sum of its postings. */
export const ledgerAccounts = sqliteTable(
  'ledger_accounts',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id').references(() => members.id),
    kind: text('kind', { enum: LEDGER_ACCOUNT_KINDS }).notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('ledger_accounts_member').on(t.memberId),
    check('ledger_accounts_owner', sql`(${t.kind} like 'member-%') = (${t.memberId} is not null)`),
  ],
);

/**
 * One business event in the ledger. The id is the caller's idempotency key.
 * Append-only: triggers refuse UPDATE and DELETE; corrections are new transactions.
 */
export const ledgerTransactions = sqliteTable(
  'ledger_transactions',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: LEDGER_TRANSACTION_KINDS }).notNull(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** The program version whose rules produced it, when rules did. */
    programVersionId: text('program_version_id').references(() => programVersions.id),
    /** Caller's reference, e.g. "purchase:4711/line:2". */
    sourceRef: text('source_ref'),
    /** The earn a reversal undoes; the reservation a commit or cancel resolves. */
    relatedTransactionId: text('related_transaction_id'),
    /** For merges: the member whose points moved in. */
    counterpartyMemberId: text('counterparty_member_id').references(() => members.id),
    actor: text('actor'),
    reason: text('reason'),
    /** Hash of the request; a retry with the same id but other content is a conflict. */
    requestHash: text('request_hash').notNull(),
    occurredAt: text('occurred_at').notNull(),
    createdAt: text('created_at').notNull().default(now),
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('ledger_transactions_member').on(t.memberId, t.createdAt),
    // Partial: most transactions have neither, and an equality lookup still uses the index.
    index('ledger_transactions_related').on(t.relatedTransactionId).where(sql`${t.relatedTransactionId} is not null`),
    index('ledger_transactions_counterparty').on(t.counterpartyMemberId).where(sql`${t.counterpartyMemberId} is not null`),
  ],
);

/** A batch of earned points, consumed first-expiring-first. A projection of the postings. */
export const ledgerLots = sqliteTable(
  'ledger_lots',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    originTransactionId: text('origin_transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    /** Set on lots created by a merge: the source member's lot it continues. */
    mergedFromLotId: text('merged_from_lot_id'),
    points: integer('points').notNull(),
    remaining: integer('remaining').notNull(),
    status: text('status', { enum: LOT_STATUSES }).notNull(),
    earnedAt: text('earned_at').notNull(),
    availableAt: text('available_at').notNull(),
    expiresAt: text('expires_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('ledger_lots_member_status').on(t.memberId, t.status),
    index('ledger_lots_status_available').on(t.status, t.availableAt),
    uniqueIndex('ledger_lots_merged_from').on(t.mergedFromLotId).where(sql`${t.mergedFromLotId} is not null`),
    check('ledger_lots_remaining', sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.points}`),
  ],
);

/**
 * Signed amounts; every transaction's postings sum to zero. Append-only. Read by transaction only
 * (balances are projections), so account ids carry no index: one fewer random page per posting.
 */
export const ledgerPostings = sqliteTable(
  'ledger_postings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transactionId: text('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: text('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amount: integer('amount').notNull(),
    lotId: text('lot_id').references(() => ledgerLots.id),
  },
  (t) => [
    index('ledger_postings_transaction').on(t.transactionId),
    check('ledger_postings_nonzero', sql`${t.amount} <> 0`),
  ],
);

/**
 * Balances per member, updated in the same SQLite transaction as the postings. Stored WITHOUT
 * ROWID (migration 0024), which drizzle cannot declare: a generated rebuild must keep it.
 */
export const ledgerBalances = sqliteTable(
  'ledger_balances',
  {
    memberId: text('member_id')
      .primaryKey()
      .references(() => members.id),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    available: integer('available').notNull().default(0),
    pending: integer('pending').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    lifetimeEarned: integer('lifetime_earned').notNull().default(0),
    lifetimeRedeemed: integer('lifetime_redeemed').notNull().default(0),
    lifetimeExpired: integer('lifetime_expired').notNull().default(0),
    /** Last earn or spend; drives inactivity expiry. */
    lastActivityAt: text('last_activity_at'),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    check('ledger_balances_available_nonnegative', sql`${t.available} >= 0`),
    check('ledger_balances_pending_nonnegative', sql`${t.pending} >= 0`),
    check('ledger_balances_reserved_nonnegative', sql`${t.reserved} >= 0`),
  ],
);

/** Points held for a two-step redemption until committed, cancelled or lapsed. */
export const ledgerReservations = sqliteTable(
  'ledger_reservations',
  {
    /** The reserve transaction id. */
    id: text('id')
      .primaryKey()
      .references(() => ledgerTransactions.id),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    points: integer('points').notNull(),
    status: text('status', { enum: ['held', 'committed', 'cancelled', 'lapsed'] }).notNull(),
    expiresAt: text('expires_at').notNull(),
    resolvedByTransactionId: text('resolved_by_transaction_id').references(() => ledgerTransactions.id),
  },
  (t) => [index('ledger_reservations_status_expires').on(t.status, t.expiresAt)],
);

/**
 * Domain events written in the same transaction as the change they announce
 * (points-earned, points-expired, tier-changed, member-merged, ...); a publisher
 * sends rows with `published_at` null and stamps them.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    programId: text('program_id').references(() => programs.id),
    memberId: text('member_id').references(() => members.id),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull().default(now),
    publishedAt: text('published_at'),
  },
  (t) => [index('outbox_unpublished').on(t.publishedAt, t.createdAt)],
);
