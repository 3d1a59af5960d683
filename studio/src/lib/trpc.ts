import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@loyalty/engine/http';

/** Typed end to end: the procedures and their inputs come from the engine's router type. */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});
