import { z } from 'zod';
import { createApiKey, CreateApiKeyInput, listApiKeys, revokeApiKey } from '../../auth/api-keys';
import type { StaffPrincipal } from '../../auth/sessions';
import { createStaffUser, CreateStaffUserInput, publicUser, updateStaffUser, UpdateStaffUserInput } from '../../auth/users';
import { appendAudit } from '../../audit/append-audit';
import { auditCsv, searchAudit, SearchAuditInput } from '../../audit/search-audit';
import { verifyAudit } from '../../audit/verify-audit';
import { staffUsers } from '../../db/schema/staff';
import { router, staffProcedure } from './init';

const actorOf = (p: StaffPrincipal) => ({ type: 'staff' as const, id: p.userId });

export const usersRouter = router({
  list: staffProcedure('users.manage').query(({ ctx }) => ctx.db.select().from(staffUsers).all().map(publicUser)),
  create: staffProcedure('users.manage')
    .input(CreateStaffUserInput.strict())
    .mutation(({ ctx, input }) => createStaffUser({ ctx: { db: ctx.db, actor: actorOf(ctx.principal) }, input })),
  update: staffProcedure('users.manage')
    .input(UpdateStaffUserInput)
    .mutation(({ ctx, input }) => updateStaffUser({ ctx: { db: ctx.db, actor: actorOf(ctx.principal) }, input })),
});

export const apiKeysRouter = router({
  list: staffProcedure('apikeys.manage')
    .input(z.object({ programId: z.string().optional() }).strict().optional())
    .query(({ ctx, input }) => listApiKeys(ctx.db, input?.programId)),
  /** The secret is in this response only; it cannot be shown again. */
  create: staffProcedure('apikeys.manage')
    .input(CreateApiKeyInput.strict())
    .mutation(({ ctx, input }) => createApiKey({ ctx: { db: ctx.db, actor: actorOf(ctx.principal) }, input })),
  revoke: staffProcedure('apikeys.manage')
    .input(z.object({ keyId: z.string().min(1) }).strict())
    .mutation(({ ctx, input }) => revokeApiKey({ ctx: { db: ctx.db, actor: actorOf(ctx.principal) }, input })),
});

export const auditRouter = router({
  search: staffProcedure('audit.read').input(SearchAuditInput).query(({ ctx, input }) => searchAudit({ ctx, input })),
  /** CSV export; the export itself is audited. */
  exportCsv: staffProcedure('audit.read')
    .input(SearchAuditInput)
    .mutation(({ ctx, input }) => {
      const rows = searchAudit({ ctx, input: { ...input, limit: input.limit ?? 10_000 } });
      appendAudit(ctx.db, { actor: actorOf(ctx.principal), action: 'audit.exported', entityType: 'audit-log', entityId: 'export', after: { filters: input, rows: rows.length } });
      return { filename: `audit-${new Date().toISOString().slice(0, 10)}.csv`, csv: auditCsv(rows) };
    }),
  verify: staffProcedure('audit.read').query(({ ctx }) => verifyAudit(ctx.db)),
});
