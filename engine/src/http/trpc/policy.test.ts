import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { can, StaffRole, type Permission } from '../../auth/policy';
import { createLogger } from '../../log';
import { createTemplateCatalog } from '../../programs/template-catalog';
import { tempDatabase } from '../../testing/temp-db';
import { staffMember } from '../../testing/staff';
import type { ProcedureMeta, TrpcContext } from './init';
import { appRouter } from './router';

// Generated from the policy table: every procedure, called as every role and anonymously.
const { db, cleanup } = tempDatabase();
afterAll(cleanup);

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>).map(
  ([path, p]) => ({ path, meta: p._def.meta ?? {} }),
);
const callers = [...StaffRole.options.map((role) => ({ role, principal: staffMember(db, role) })), { role: 'anonymous' as const, principal: undefined }];
const ctx = (principal: TrpcContext['principal']): TrpcContext => ({
  db,
  log: createLogger({ name: 'policy-test', level: 'silent' }),
  templates: createTemplateCatalog(),
  principal,
  sessionToken: undefined,
  ip: 'policy-test',
  setCookie: () => undefined,
  settings: { adjustmentApprovalThreshold: 500 },
});

async function outcome(path: string, principal: TrpcContext['principal']): Promise<string> {
  const caller = appRouter.createCaller(ctx(principal)) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await fn({});
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : 'thrown';
  }
}

const rowCounts = () =>
  Object.fromEntries(
    ['programs', 'program_versions', 'staff_users', 'api_keys', 'audit_log', 'adjustment_requests', 'ledger_transactions', 'members'].map((t) => [t, db.$client.prepare(`select count(*) from ${t}`).pluck().get()]),
  );

describe('access policy', () => {
  it('every procedure declares a permission or is explicitly public', () => {
    for (const { path, meta } of procedures) expect(meta.public === true || typeof meta.permission === 'string', path).toBe(true);
    expect(procedures.filter((p) => p.meta.public).map((p) => p.path).sort()).toEqual(['auth.login', 'auth.logout', 'auth.me', 'system.info']);
  });

  describe.each(procedures.filter((p) => !p.meta.public))('$path', ({ path, meta }) => {
    it.each(callers)('as $role', async ({ role, principal }) => {
      const before = rowCounts();
      const result = await outcome(path, principal);
      if (role === 'anonymous') {
        expect(result).toBe('UNAUTHORIZED');
      } else if (can(role, meta.permission as Permission)) {
        expect(['ok', 'BAD_REQUEST', 'NOT_FOUND']).toContain(result);
      } else {
        expect(result).toBe('FORBIDDEN');
      }
      if (result === 'UNAUTHORIZED' || result === 'FORBIDDEN') expect(rowCounts()).toEqual(before);
    });
  });
});
