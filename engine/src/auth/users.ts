import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit, type AuditActor } from '../audit/append-audit';
import type { DbTx } from '../db';
import { staffUsers } from '../db/schema/staff';
import { DomainError } from '../errors';
import { hashPassword, passwordProblem } from './passwords';
import { StaffRole } from './policy';
import { revokeUserSessions } from './sessions';

export const CreateStaffUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' })),
  displayName: z.string().trim().min(1, 'Enter a name.').max(120),
  role: StaffRole,
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  approvalRoles: z.array(z.string().min(1).max(60)).max(20).default([]),
  memberId: z.string().min(1).nullable().default(null),
});
export type CreateStaffUserInput = z.input<typeof CreateStaffUserInput>;

/** Public view of a staff user: never the password hash. */
export function publicUser(row: typeof staffUsers.$inferSelect) {
  const { passwordHash: _hidden, approvalRoles, ...rest } = row;
  return { ...rest, approvalRoles: JSON.parse(approvalRoles) as string[] };
}

/** Creates a staff account (admins only, or the first-run bootstrap). */
export async function createStaffUser({ ctx, input }: { ctx: { db: DbTx; actor: AuditActor }; input: CreateStaffUserInput }) {
  const data = CreateStaffUserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  return ctx.db.transaction((tx) => {
    if (tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, data.email)).get()) {
      throw new DomainError('conflict', `There is already a staff account for ${data.email}.`);
    }
    const row = {
      id: randomUUID(),
      email: data.email,
      displayName: data.displayName,
      role: data.role,
      passwordHash,
      approvalRoles: JSON.stringify(data.approvalRoles),
      memberId: data.memberId,
      status: 'active' as const,
      createdAt: new Date().toISOString(),
    };
    tx.insert(staffUsers).values(row).run();
    appendAudit(tx, {
      actor: ctx.actor,
      action: 'user.created',
      entityType: 'staff-user',
      entityId: row.id,
      after: { role: row.role, approvalRoles: data.approvalRoles, status: row.status },
    });
    return publicUser(row);
  });
}

export const UpdateStaffUserInput = z
  .object({
    userId: z.string().min(1),
    role: StaffRole.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    approvalRoles: z.array(z.string().min(1).max(60)).max(20).optional(),
  })
  .strict();

/** Changes role, status or approval capacities; the user is signed out everywhere. */
export function updateStaffUser({ ctx, input }: { ctx: { db: DbTx; actor: AuditActor }; input: z.input<typeof UpdateStaffUserInput> }) {
  const data = UpdateStaffUserInput.parse(input);
  return ctx.db.transaction((tx) => {
    const before = tx.select().from(staffUsers).where(eq(staffUsers.id, data.userId)).get();
    if (!before) throw new DomainError('not_found', 'That staff account does not exist.');
    if (ctx.actor.id === data.userId && (data.role !== undefined || data.status === 'disabled')) {
      throw new DomainError('forbidden', 'You cannot change your own role or disable yourself; ask another admin.');
    }
    const patch = {
      ...(data.role ? { role: data.role } : {}),
      ...(data.status ? { status: data.status } : {}),
      ...(data.approvalRoles ? { approvalRoles: JSON.stringify(data.approvalRoles) } : {}),
    };
    tx.update(staffUsers).set(patch).where(eq(staffUsers.id, data.userId)).run();
    revokeUserSessions(tx, data.userId);
    const after = { ...before, ...patch };
    const view = (u: typeof before) => ({ role: u.role, status: u.status, approvalRoles: JSON.parse(u.approvalRoles) as string[] });
    appendAudit(tx, { actor: ctx.actor, action: 'user.updated', entityType: 'staff-user', entityId: data.userId, before: view(before), after: view(after) });
    return publicUser(after);
  });
}

export function countStaffUsers(db: DbTx): number {
  return db.select({ n: count() }).from(staffUsers).get()?.n ?? 0;
}
