import { apiKeysRouter, auditRouter, usersRouter } from './admin';
import { approvalsRouter } from './approvals';
import { authRouter } from './auth';
import { router } from './init';
import { membersRouter } from './members';
import { monitoringRouter } from './monitoring';
import { programsRouter } from './programs';
import { rolloutsRouter } from './rollouts';
import { simulationsRouter } from './simulations';
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
  approvals: approvalsRouter,
  rollouts: rolloutsRouter,
  monitoring: monitoringRouter,
  simulations: simulationsRouter,
});

/** The studio's typed client is built from this type. */
export type AppRouter = typeof appRouter;
