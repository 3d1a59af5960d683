import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { DomainError } from '../../errors';

/** The one place DomainError codes become tRPC codes (and so HTTP statuses). */
const CODES: Record<string, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  invalid_input: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  unprocessable: 'UNPROCESSABLE_CONTENT',
  rate_limited: 'TOO_MANY_REQUESTS',
};

/**
 * The tRPC error for a DomainError, keeping its message; the DomainError stays the `cause`
 * so the error formatter can expose its code and issues.
 * @example toTrpcError(new DomainError('not_found', 'No such version.')).code // 'NOT_FOUND'
 */
export function toTrpcError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODES[error.code] ?? 'INTERNAL_SERVER_ERROR', message: error.message, cause: error });
}

/** Issues to show next to a BAD_REQUEST: from a DomainError's details or a schema validation error. */
export function issuesOf(cause: unknown): unknown[] | null {
  if (cause instanceof DomainError) return Array.isArray(cause.details) ? cause.details : null;
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues)) return cause.issues;
  return null;
}
