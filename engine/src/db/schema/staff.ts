import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** People who use the studio. */
export const staffUsers = sqliteTable('staff_users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'marketer', 'approver', 'support', 'analyst'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Approval capacities, for example ["marketing-lead","finance"] (JSON array). */
  approvalRoles: text('approval_roles').notNull().default('[]'),
  /** Member this staff person is as a customer, so they cannot credit themselves. */
  memberId: text('member_id'),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  createdAt: text('created_at').notNull(),
});

/** Signed-in browser sessions; only the token's digest is stored. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    tokenDigest: text('token_digest').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('staff_sessions_user').on(t.userId)],
);

/** Failed sign-ins, for throttling by account and by address. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_email').on(t.email, t.at), index('login_failures_ip').on(t.ip, t.at)],
);
