import { z } from 'zod';
import { login } from '../../auth/login';
import { ROLE_LABELS, PERMISSIONS, can } from '../../auth/policy';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../auth/session-policy';
import { revokeSession } from '../../auth/sessions';
import { appendAudit } from '../../audit/append-audit';
import { changePassword, ChangePasswordInput } from '../../auth/change-password';
import { createSession } from '../../auth/sessions';
import { publicProcedure, router, staffProcedure } from './init';

function sessionCookie(token: string, maxAgeSeconds: number): string {
  // SameSite=Strict keeps other sites from riding the session; HttpOnly keeps scripts from reading it.
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export const authRouter = router({
  login: publicProcedure.input(z.object({ email: z.string(), password: z.string() }).strict()).mutation(async ({ ctx, input }) => {
    const { token, userId } = await login({ ctx: { db: ctx.db, ip: ctx.ip }, input });
    appendAudit(ctx.db, { actor: { type: 'staff', id: userId }, action: 'user.signed-in', entityType: 'staff-user', entityId: userId });
    ctx.setCookie(sessionCookie(token, SESSION_ABSOLUTE_MS / 1000));
    return { ok: true as const };
  }),
  logout: publicProcedure.mutation(({ ctx }) => {
    if (ctx.sessionToken) revokeSession(ctx.db, ctx.sessionToken);
    ctx.setCookie(sessionCookie('', 0));
    return { ok: true as const };
  }),
  /** Changes the caller's own password; other sessions end and this one is renewed. */
  changePassword: staffProcedure('account.self')
    .input(ChangePasswordInput)
    .mutation(async ({ ctx, input }) => {
      await changePassword({ ctx: { db: ctx.db, userId: ctx.principal.userId }, input });
      ctx.setCookie(sessionCookie(createSession(ctx.db, ctx.principal.userId), SESSION_ABSOLUTE_MS / 1000));
      return { ok: true as const };
    }),
  /** The signed-in staff member and what they may do, or null; the studio builds its navigation from it. */
  me: publicProcedure.query(({ ctx }) => {
    const p = ctx.principal;
    if (!p) return null;
    return {
      userId: p.userId,
      email: p.email,
      displayName: p.displayName,
      role: p.role,
      roleLabel: ROLE_LABELS[p.role],
      approvalRoles: p.approvalRoles,
      permissions: PERMISSIONS.filter((perm) => can(p.role, perm)),
    };
  }),
});
