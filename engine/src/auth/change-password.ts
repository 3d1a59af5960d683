import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit';
import type { DbTx } from '../db';
import { staffUsers } from '../db/schema/staff';
import { DomainError } from '../errors';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { revokeUserSessions } from './sessions';

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: z.string().superRefine((p, ctx) => {
      const problem = passwordProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  })
  .strict();
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

/**
 * A staff member changes their own password. Every session of theirs ends, so a stolen session
 * does not outlive the change; the caller opens a fresh one.
 * @example await changePassword({ ctx: { db, userId }, input: { currentPassword, newPassword } })
 */
export async function changePassword({ ctx, input }: { ctx: { db: DbTx; userId: string }; input: ChangePasswordInput }) {
  const data = ChangePasswordInput.parse(input);
  const user = ctx.db.select().from(staffUsers).where(eq(staffUsers.id, ctx.userId)).get();
  if (!user || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new DomainError('unauthorized', 'Your current password is not right.');
  }
  if (data.newPassword === data.currentPassword) throw new DomainError('invalid_input', 'Choose a new password that differs from the current one.');
  const passwordHash = await hashPassword(data.newPassword);
  ctx.db.transaction((tx) => {
    tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, ctx.userId)).run();
    revokeUserSessions(tx, ctx.userId);
    appendAudit(tx, { actor: { type: 'staff', id: ctx.userId }, action: 'user.password-changed', entityType: 'staff-user', entityId: ctx.userId });
  });
}
