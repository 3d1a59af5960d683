import { router } from './init';
import { programsRouter } from './programs';
import { systemRouter } from './system';

export const appRouter = router({
  system: systemRouter,
  programs: programsRouter,
});

/** The studio's typed client is built from this type. */
export type AppRouter = typeof appRouter;
