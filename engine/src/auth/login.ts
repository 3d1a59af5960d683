import { and, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { loginFailures, staffUsers } from '../db/schema/staff';
import { DomainError } from '../errors';
import { verifyPassword } from './passwords';
import {
  LOGIN_MAX_FAILURES_PER_ACCOUNT,
  LOGIN_MAX_FAILURES_PER_IP,
  LOGIN_WINDOW_MS,
} from './session-policy';
import { createSession } from './sessions';

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter the email address of your staff account.' })),
  password: z.string().min(1, 'Enter your password.').max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export class LoginThrottled extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }
}

/**
 * Checks the password and opens a session. Failures are counted per account and per
 * address; past the limit, sign-in is refused for the rest of the window even with the
 * right password, and the message never tells whether the account exists.
 * @returns the session token for the cookie.
 */
export async function login({ ctx, input }: { ctx: { db: DbTx; ip: string; now?: number }; input: unknown }) {
  const { email, password } = LoginInput.parse(input);
  const now = ctx.now ?? Date.now();
  const since = now - LOGIN_WINDOW_MS;
  const failures = (where: ReturnType<typeof eq>) =>
    ctx.db.select({ n: count() }).from(loginFailures).where(and(where, gt(loginFailures.at, since))).get()?.n ?? 0;
  if (failures(eq(loginFailures.email, email)) >= LOGIN_MAX_FAILURES_PER_ACCOUNT || failures(eq(loginFailures.ip, ctx.ip)) >= LOGIN_MAX_FAILURES_PER_IP) {
    throw new LoginThrottled(LOGIN_WINDOW_MS / 1000);
  }
  const user = ctx.db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
  const ok = user !== undefined && user.status === 'active' && (await verifyPassword(user.passwordHash, password));
  if (!ok || !user) {
    ctx.db.insert(loginFailures).values({ email, ip: ctx.ip, at: now }).run();
    throw new DomainError('unauthorized', 'The email address or password is not right.');
  }
  ctx.db.delete(loginFailures).where(eq(loginFailures.email, email)).run();
  return { token: createSession(ctx.db, user.id, now), userId: user.id };
}
