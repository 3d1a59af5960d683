import { and, eq, isNull } from 'drizzle-orm';
import type { DbTx } from '../db';
import { staffSessions, staffUsers } from '../db/schema/staff';
import { StaffRole } from './policy';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy';
import { digest, newSecret } from './tokens';

export type StaffPrincipal = {
  kind: 'staff';
  userId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  approvalRoles: string[];
  memberId: string | null;
};

/** Starts a session; the returned token goes into an httpOnly cookie and nowhere else. */
export function createSession(db: DbTx, userId: string, now = Date.now()): string {
  const token = newSecret();
  db.insert(staffSessions).values({ tokenDigest: digest(token), userId, createdAt: now, lastSeenAt: now }).run();
  return token;
}

/**
 * The signed-in staff member for a session token, or undefined when the session is
 * unknown, revoked, idle for too long, past its absolute lifetime, or the user is disabled.
 * A valid session's idle timer is renewed.
 */
export function resolveSession(db: DbTx, token: string | undefined, now = Date.now()): StaffPrincipal | undefined {
  if (!token) return undefined;
  const row = db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.tokenDigest, digest(token)), isNull(staffSessions.revokedAt)))
    .get();
  if (!row || row.user.status !== 'active') return undefined;
  if (now - row.session.lastSeenAt > SESSION_IDLE_MS || now - row.session.createdAt > SESSION_ABSOLUTE_MS) return undefined;
  // Renewing on every request would write on every read; once a minute is enough.
  if (now - row.session.lastSeenAt > 60_000) {
    db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.tokenDigest, row.session.tokenDigest)).run();
  }
  return {
    kind: 'staff',
    userId: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    role: StaffRole.parse(row.user.role),
    approvalRoles: JSON.parse(row.user.approvalRoles) as string[],
    memberId: row.user.memberId,
  };
}

export function revokeSession(db: DbTx, token: string, now = Date.now()): void {
  db.update(staffSessions).set({ revokedAt: now }).where(eq(staffSessions.tokenDigest, digest(token))).run();
}

/** Signs a user out everywhere, for example when an admin disables them or changes their role. */
export function revokeUserSessions(db: DbTx, userId: string, now = Date.now()): void {
  db.update(staffSessions).set({ revokedAt: now }).where(and(eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt))).run();
}
