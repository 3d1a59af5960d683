import { apiKeysRouter, auditRouter, usersRouter } from './admin';
import { authRouter } from './auth';
import { router } from './init';
import { membersRouter } from './members';
import { programsRouter } from './programs';
import { systemRouter } from './system';
import { templatesRouter } from './templates';
import { versionsRouter } from './versions';

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  programs: programsRouter,
  versions: versionsRouter,
  templates: templatesRouter,
  members: membersRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
});

/** The studio's typed client is built from this type. */
export type AppRouter = typeof appRouter;
