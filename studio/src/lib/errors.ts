import { TRPCClientError } from '@trpc/client';

/**
 * A message a person can act on, from anything thrown by a tRPC call or elsewhere.
 * Invalid input lists its first problems with their paths.
 */
export function errorMessage(e: unknown): string {
  if (e instanceof TRPCClientError) {
    const data = e.data as { issues?: { path?: (string | number)[]; message: string }[] } | undefined;
    const issues = data?.issues?.slice(0, 3).map((i) => (i.path?.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    if (e.message === 'Failed to fetch') return 'the server cannot be reached. Check that it is running, then try again';
    return issues?.length ? `${e.message} (${issues.join('; ')})` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
