import { z } from 'zod';
import { createProgram, listPrograms } from '../../programs';
import { blankProgram } from '../../spec';
import { getProgram, GetProgramInput } from '../../versions/get-program';
import { toMeta } from '../../versions/version-rows';
import { procedure, router } from './init';

/** Until staff accounts exist the author is a name the studio sends; it will come from the session. */
export const Author = z.string().trim().min(1, { error: 'say who is making the change' }).max(120);

export const CreateBlankProgramInput = z.object({
  name: z.string().trim().min(1, { error: 'give the program a name' }).max(120),
  author: Author,
});

export const programsRouter = router({
  list: procedure.query(({ ctx }) => listPrograms({ ctx })),
  /** A program with its latest version (metadata and spec). */
  get: procedure.input(GetProgramInput).query(({ ctx, input }) => getProgram({ ctx, input })),
  /** A new program from a blank spec with one base promotion group; returns its id and first version. */
  create: procedure.input(CreateBlankProgramInput).mutation(({ ctx, input }) => {
    const { programId, version } = createProgram({ ctx, input: { spec: blankProgram(input.name), author: input.author } });
    return { programId, version: { ...toMeta(version), created: version.created } };
  }),
});
