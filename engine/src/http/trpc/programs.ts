import { z } from 'zod';
import { createProgram, listPrograms } from '../../programs';
import { blankProgram } from '../../spec';
import { getProgram, GetProgramInput } from '../../versions/get-program';
import { toMeta } from '../../versions/version-rows';
import { router, staffProcedure } from './init';

export const CreateBlankProgramInput = z
  .object({ name: z.string().trim().min(1, { error: 'give the program a name' }).max(120) })
  .strict();

export const programsRouter = router({
  list: staffProcedure('programs.read').query(({ ctx }) => listPrograms({ ctx })),
  /** A program with its latest version (metadata and spec). */
  get: staffProcedure('programs.read').input(GetProgramInput).query(({ ctx, input }) => getProgram({ ctx, input })),
  /** A new program from a blank spec with one base promotion group; returns its id and first version. */
  create: staffProcedure('programs.write').input(CreateBlankProgramInput).mutation(({ ctx, input }) => {
    const { programId, version } = createProgram({ ctx, input: { spec: blankProgram(input.name), author: ctx.principal.userId } });
    return { programId, version: { ...toMeta(version), created: version.created } };
  }),
});
