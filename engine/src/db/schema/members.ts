import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * A member of one program. Contact data is stored normalised (email trimmed and
 * lowercased, phone in E.164, card digits only) and is unique per program.
 * A merged member keeps its row with `status = 'merged'` and `merged_into` set; `merged_into`
 * always names the member that carries on (a chain A→B, B→C re-points A to C).
 */
export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    cardNumber: text('card_number'),
    email: text('email'),
    phone: text('phone'),
    firstName: text('first_name'),
    /** YYYY-MM-DD */
    birthDate: text('birth_date'),
    locale: text('locale'),
    status: text('status', { enum: ['active', 'blocked', 'merged'] })
      .notNull()
      .default('active'),
    mergedInto: text('merged_into').references((): AnySQLiteColumn => members.id),
    /**
     * How many members were merged into this one (rows whose `merged_into` is this id). Their
     * purchases and awards count as this member's history; 0 lets the hot path skip looking them up.
     */
    mergedMembers: integer('merged_members').notNull().default(0),
    joinedAt: text('joined_at').notNull().default(now),
    /** JSON object of custom attributes (e.g. {"country":"DE"}). */
    attributes: text('attributes', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /** JSON: per channel (email, sms, push) whether the member agreed, and when. */
    consents: text('consents', { mode: 'json' }).$type<MemberConsents>().notNull().default({}),
    currentTierId: text('current_tier_id'),
    tierSince: text('tier_since'),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('members_program_card').on(t.programId, t.cardNumber),
    uniqueIndex('members_program_email').on(t.programId, t.email),
    uniqueIndex('members_program_phone').on(t.programId, t.phone),
    index('members_merged_into').on(t.mergedInto),
    check('members_merged_has_target', sql`(${t.status} = 'merged') = (${t.mergedInto} is not null)`),
  ],
);

/** One consent decision for a channel. */
export type ChannelConsent = { granted: boolean; at: string };
/** Consents per channel; a missing channel means "never asked". */
export type MemberConsents = Partial<Record<'email' | 'sms' | 'push', ChannelConsent>>;

/** Every tier change of a member, oldest first by `at`. */
export const memberTierHistory = sqliteTable(
  'member_tier_history',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    fromTierId: text('from_tier_id'),
    toTierId: text('to_tier_id').notNull(),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('member_tier_history_member').on(t.memberId, t.at)],
);
