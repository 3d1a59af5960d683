import { initTRPC } from '@trpc/server';
import type { Db } from '../../db';
import { DomainError } from '../../errors';
import type { Logger } from '../../log';
import type { TemplateCatalog } from '../../programs/template-catalog';
import { issuesOf, toTrpcError } from './domain-errors';

export type TrpcContext = { db: Db; log: Logger; templates: TemplateCatalog };

const t = initTRPC.context<TrpcContext>().create({
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

export const router = t.router;
/** Every procedure maps DomainErrors; build procedures from this, not from `t.procedure`. */
export const procedure = t.procedure.use(mapDomainErrors);
