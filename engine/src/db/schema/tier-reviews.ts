import { index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { programs } from './programs';
import { programVersions } from './program-versions';

/**
 * Where each member stands in the scheduled tier re-checks: the latest re-check date done (the
 * review key: a re-run for a date at or before it decides nothing again) and a downgrade waiting
 * for its grace days to pass. One row per member, written in the same transaction as the tier
 * change it causes; tier changes themselves are in `member_tier_history`.
 */
export const memberTierReviews = sqliteTable(
  'member_tier_reviews',
  {
    memberId: text('member_id')
      .primaryKey()
      .references(() => members.id),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    /** Local date (YYYY-MM-DD, program time zone) of the latest re-check done. */
    lastReviewDate: text('last_review_date').notNull(),
    /** The version whose tier policy decided it. */
    lastVersionId: text('last_version_id')
      .notNull()
      .references(() => programVersions.id),
    /** The qualification value on that date. */
    lastValue: real('last_value').notNull(),
    lastChange: text('last_change', { enum: ['up', 'down', 'same'] }).notNull(),
    /** A scheduled downgrade: from this tier (cancelled if the member no longer holds it) ... */
    pendingFromTierId: text('pending_from_tier_id'),
    /** ... to this tier ... */
    pendingToTierId: text('pending_to_tier_id'),
    /** ... on this local date. */
    pendingEffectiveOn: text('pending_effective_on'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('member_tier_reviews_pending').on(t.programId, t.pendingEffectiveOn)],
);
