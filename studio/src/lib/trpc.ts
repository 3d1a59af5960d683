import { createTRPCClient, httpBatchLink, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '@loyalty/engine/http';

/** Fired when the engine answers UNAUTHORIZED (session expired or revoked); the layout sends people to sign in. */
export const SIGNED_OUT_EVENT = 'loyalty:signed-out';

const noticeSignOut: TRPCLink<AppRouter> = () => ({ next, op }) =>
  observable((observer) =>
    next(op).subscribe({
      next: (value) => observer.next(value),
      complete: () => observer.complete(),
      error: (error) => {
        if (error.data?.code === 'UNAUTHORIZED' && op.path !== 'auth.login') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
        observer.error(error);
      },
    }),
  );

/** Typed end to end: the procedures and their inputs come from the engine's router type. */
export const trpc = createTRPCClient<AppRouter>({
  // The CSRF header: the engine refuses data-changing requests without it.
  links: [noticeSignOut, httpBatchLink({ url: '/trpc', headers: { 'x-loyalty-csrf': '1' } })],
});
