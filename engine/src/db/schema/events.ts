import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { programs } from './programs';
import { programVersions } from './program-versions';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * A purchase posted by a till or web shop, with or without a member (non-member purchases are
 * kept for reporting and earn nothing). Unique per store, register and receipt number.
 * Append-only: returns are separate rows; the version that evaluated it is always recorded.
 */
export const purchases = sqliteTable(
  'purchases',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    storeId: text('store_id').notNull(),
    registerId: text('register_id').notNull(),
    receiptNumber: text('receipt_number').notNull(),
    memberId: text('member_id').references(() => members.id),
    /** The version that evaluated the purchase (the release's main version for non-members). */
    versionId: text('version_id').references(() => programVersions.id),
    channel: text('channel').notNull(),
    paymentMethod: text('payment_method'),
    occurredAt: text('occurred_at').notNull(),
    /**
     * Local date in the program time zone, YYYY-MM-DD: tier windows use it. Not indexed: a local
     * date lies within a day of its UTC instant, so queries narrow by `occurred_at` first.
     */
    localDate: text('local_date').notNull(),
    total: real('total').notNull(),
    itemCount: real('item_count').notNull(),
    points: integer('points').notNull().default(0),
    /** The ledger earn transaction (`purchase:<id>`), when points were earned. */
    earnTransactionId: text('earn_transaction_id'),
    /**
     * What each rule gave, with its split over the lines, summing to `points`: the purchase's
     * rule awards. Kept on the purchase instead of a rule_awards row per rule, which cost more
     * than the rest of the purchase's rows together. Null when nothing was earned, and on
     * purchases booked before migration 0026, whose awards are rule_awards rows.
     */
    awards: text('awards', { mode: 'json' }).$type<RuleAward[]>(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('purchases_receipt').on(t.programId, t.storeId, t.registerId, t.receiptNumber),
    index('purchases_member').on(t.memberId, t.occurredAt),
  ],
);

/** Points one rule gave on an event, with their split over the purchase lines (null when not split). */
export type RuleAward = { ruleId: string; points: number; lines: { lineRef: string; points: number }[] | null };

/** Line items of a purchase as posted; `lineRef` is the caller's reference, unique in the purchase. */
export const purchaseLines = sqliteTable(
  'purchase_lines',
  {
    purchaseId: text('purchase_id')
      .notNull()
      .references(() => purchases.id),
    lineRef: text('line_ref').notNull(),
    sku: text('sku').notNull(),
    category: text('category'),
    brand: text('brand'),
    quantity: real('quantity').notNull(),
    price: real('price').notNull(),
    isOnSale: integer('is_on_sale', { mode: 'boolean' }),
  },
  (t) => [primaryKey({ columns: [t.purchaseId, t.lineRef] }), check('purchase_lines_quantity', sql`${t.quantity} > 0`)],
);

/** A return of (part of) a purchase. Unique per store and the caller's return reference. */
export const purchaseReturns = sqliteTable(
  'purchase_returns',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    purchaseId: text('purchase_id')
      .notNull()
      .references(() => purchases.id),
    storeId: text('store_id').notNull(),
    returnRef: text('return_ref').notNull(),
    memberId: text('member_id').references(() => members.id),
    /** The version that evaluated the original purchase. */
    versionId: text('version_id').references(() => programVersions.id),
    occurredAt: text('occurred_at').notNull(),
    localDate: text('local_date').notNull(),
    /** Money value of the returned units (price x quantity). */
    amount: real('amount').notNull(),
    points: integer('points').notNull().default(0),
    /** The ledger reverse transaction (`return:<id>`), when points were taken back. */
    reverseTransactionId: text('reverse_transaction_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('purchase_returns_ref').on(t.programId, t.storeId, t.returnRef),
    index('purchase_returns_purchase').on(t.purchaseId),
    index('purchase_returns_member').on(t.memberId, t.localDate),
  ],
);

/** Units returned per purchase line; the sum per line never exceeds the line's quantity. */
export const purchaseReturnLines = sqliteTable(
  'purchase_return_lines',
  {
    returnId: text('return_id')
      .notNull()
      .references(() => purchaseReturns.id),
    purchaseId: text('purchase_id')
      .notNull()
      .references(() => purchases.id),
    lineRef: text('line_ref').notNull(),
    quantity: real('quantity').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.lineRef] }), index('purchase_return_lines_line').on(t.purchaseId, t.lineRef)],
);

/** Sign-up, profile completed, referral, birthday and custom named events of a member. */
export const memberEvents = sqliteTable(
  'member_events',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind').notNull(),
    name: text('name'),
    /** The caller's reference; unique per program. */
    eventRef: text('event_ref').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    occurredAt: text('occurred_at').notNull(),
    localDate: text('local_date').notNull(),
    points: integer('points').notNull().default(0),
    earnTransactionId: text('earn_transaction_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('member_events_ref').on(t.programId, t.eventRef), index('member_events_member').on(t.memberId, t.occurredAt)],
);

/**
 * Points per rule an event gave, and what returns took back (negative), with the split over
 * purchase lines. Caps and budgets are checked against these; returns reverse exactly what each
 * line earned.
 */
export const ruleAwards = sqliteTable(
  'rule_awards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    versionId: text('version_id')
      .notNull()
      .references(() => programVersions.id),
    sourceKind: text('source_kind', { enum: ['purchase', 'return', 'event'] }).notNull(),
    sourceId: text('source_id').notNull(),
    /** The purchase the line belongs to (purchases and returns). */
    purchaseId: text('purchase_id'),
    /** Rows written before `lines` existed: one row per rule and line, the line named here. */
    lineRef: text('line_ref'),
    /** How the rule's points split over the purchase lines; null for event-level points. */
    lines: text('lines', { mode: 'json' }).$type<{ lineRef: string; points: number }[]>(),
    ruleId: text('rule_id').notNull(),
    points: integer('points').notNull(),
    /** Cap windows of the event in the program time zone. */
    day: text('day').notNull(),
    week: text('week').notNull(),
    month: text('month').notNull(),
    occurredAt: text('occurred_at').notNull(),
  },
  (t) => [
    index('rule_awards_member_day').on(t.memberId, t.day),
    index('rule_awards_purchase').on(t.purchaseId, t.lineRef),
  ],
);

/**
 * Per member and rule: points the rule gave in total (returns netted out), how many events it
 * paid for, and in its latest day, week and month. A projection of rule_awards, so caps need not
 * sum a member's history.
 * A merge adds the source's rows into the target's and removes them, so a member's row covers
 * the awards of every member merged into it. Stored WITHOUT ROWID (migration 0024), which drizzle
 * cannot declare: a generated rebuild of this table must keep it.
 */
export const ruleMemberTotals = sqliteTable(
  'rule_member_totals',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    ruleId: text('rule_id').notNull(),
    points: integer('points').notNull().default(0),
    times: integer('times').notNull().default(0),
    /**
     * The latest local day, ISO week and month the rule gave points in (returns included), and
     * the net points of that period, so day/week/month caps of an event in it need not sum the
     * awards. Null: not known (the awards are summed).
     */
    day: text('day'),
    dayPoints: integer('day_points').notNull().default(0),
    week: text('week'),
    weekPoints: integer('week_points').notNull().default(0),
    month: text('month'),
    monthPoints: integer('month_points').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.ruleId] })],
);

/** Points each rule gave all members together, for campaign budgets. A projection of rule_awards. */
export const ruleCampaignTotals = sqliteTable(
  'rule_campaign_totals',
  {
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    ruleId: text('rule_id').notNull(),
    points: integer('points').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.programId, t.ruleId] })],
);
