import type { DbTx } from '../db';
import { newSecret } from './tokens';
import { countStaffUsers, createStaffUser } from './users';

/**
 * First run only: creates the first admin so someone can sign in. The credentials come
 * from ADMIN_EMAIL / ADMIN_PASSWORD when given; otherwise a random password is generated
 * and returned so the supervisor can print it once. There is never a default password.
 */
export async function bootstrapAdmin(db: DbTx, input: { email?: string | undefined; password?: string | undefined }) {
  if (countStaffUsers(db) > 0) return undefined;
  const email = input.email ?? 'admin@localhost.localdomain';
  const generated = input.password === undefined;
  const password = input.password ?? newSecret(18);
  const user = await createStaffUser({
    ctx: { db, actor: { type: 'system', id: 'bootstrap' } },
    input: { email, displayName: 'Administrator', role: 'admin', password },
  });
  return { user, email, password: generated ? password : undefined };
}
