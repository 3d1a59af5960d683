import { publicProcedure, router } from './init';

export const systemRouter = router({
  /** What the studio shows in its footer and help. */
  info: publicProcedure.query(() => ({ product: 'Loyalty Studio', apiVersion: 'v1' })),
});
