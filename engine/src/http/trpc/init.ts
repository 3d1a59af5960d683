import { initTRPC, TRPCError } from '@trpc/server';
import type { StaffPrincipal } from '../../auth/sessions';
import type { Permission } from '../../auth/policy';
import { can } from '../../auth/policy';
import type { TemporalWorkflows } from '../../approvals/temporal-errors';
import type { Db } from '../../db';
import { DomainError } from '../../errors';
import type { Logger } from '../../log';
import type { TemplateCatalog } from '../../programs/template-catalog';
import { issuesOf, toTrpcError } from './domain-errors';

export type TrpcContext = {
  db: Db;
  log: Logger;
  templates: TemplateCatalog;
  /** The signed-in staff member, from the session cookie. */
  principal: StaffPrincipal | undefined;
  sessionToken: string | undefined;
  ip: string;
  /** Adds a Set-Cookie header to the response (sign-in and sign-out). */
  setCookie: (cookie: string) => void;
  settings: StaffSettings;
  /** Temporal client and task queue for starting workflows; undefined while connecting. */
  temporal?: TemporalWorkflows | undefined;
};

/** Installation settings staff procedures apply (from the environment). */
export type StaffSettings = { adjustmentApprovalThreshold: number };

/** Every procedure declares who may call it; one without a declaration is refused. */
export type ProcedureMeta = { permission?: Permission; public?: true };

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    /** Clients get the domain code and, for invalid input, the issues (path and message per problem). */
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: { ...shape.data, domainCode: cause instanceof DomainError ? cause.code : null, issues: issuesOf(cause) },
      };
    },
  });

/** Turns DomainErrors thrown by services into tRPC errors with the matching code, in one place. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTrpcError(result.error.cause);
  return result;
});

/** Deny by default: public procedures say so, all others need a session whose role the policy allows. */
const authorize = t.middleware(({ ctx, meta, next, path }) => {
  if (meta?.public) return next();
  if (!meta?.permission) throw new TRPCError({ code: 'FORBIDDEN', message: `'${path}' declares no permission and is closed.` });
  if (!ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  if (!can(ctx.principal.role, meta.permission)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Your role (${ctx.principal.role}) may not do this (${meta.permission}).` });
  }
  return next({ ctx: { principal: ctx.principal } });
});

const procedure = t.procedure.use(mapDomainErrors).use(authorize);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Open to anyone: sign-in, who-am-I, product info. */
export const publicProcedure = procedure.meta({ public: true });

/**
 * A procedure for signed-in staff whose role holds `permission` (see the policy table).
 * @example programs: router({ list: staffProcedure('programs.read').query(...) })
 */
export function staffProcedure(permission: Permission) {
  return procedure.meta({ permission }).use(({ ctx, next }) => next({ ctx: { principal: ctx.principal as StaffPrincipal } }));
}
