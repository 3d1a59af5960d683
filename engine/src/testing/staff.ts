import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../auth/policy';
import type { StaffPrincipal } from '../auth/sessions';
import type { DbTx } from '../db';
import { staffUsers } from '../db/schema/staff';

/**
 * A staff account of the given role, written straight to the database (no password
 * hashing, which is slow by design), and the principal a session would resolve to.
 */
export function staffMember(db: DbTx, role: StaffRole, name: string = role): StaffPrincipal {
  const id = randomUUID();
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 6)}@example.com`;
  db.insert(staffUsers)
    .values({ id, email, displayName: name, role, passwordHash: 'not-a-real-hash', createdAt: new Date().toISOString() })
    .run();
  return { kind: 'staff', userId: id, email, displayName: name, role, approvalRoles: [], memberId: null };
}
