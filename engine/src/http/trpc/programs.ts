import { listPrograms } from '../../programs';
import { procedure, router } from './init';

export const programsRouter = router({
  list: procedure.query(({ ctx }) => listPrograms({ ctx })),
});
