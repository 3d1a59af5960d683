import { z } from 'zod';
import { createProgram } from '../../programs';
import type { ProgramTemplate } from '../../programs/template-catalog';
import { toMeta } from '../../versions/version-rows';
import { router, staffProcedure } from './init';

const TemplateIdInput = z.object({ templateId: z.string().min(1) });

export const CreateFromTemplateInput = z
  .object({
    templateId: z.string().min(1),
    name: z.string().trim().min(1).max(120).optional().describe('Name of the new program; the template’s when empty'),
  })
  .strict();

/** What the template gallery shows. */
function summary(t: ProgramTemplate) {
  const s = t.spec;
  return {
    id: t.id,
    title: t.title,
    industry: t.industry,
    summary: t.summary,
    programName: s.program.name,
    pointsName: s.program.pointsName,
    counts: { tiers: s.tiers.length, earningRules: s.earningRules.length, rewards: s.rewards.length, journeys: s.journeys.length },
  };
}

export const templatesRouter = router({
  list: staffProcedure('programs.read').query(({ ctx }) => ctx.templates.list().map(summary)),
  get: staffProcedure('programs.read').input(TemplateIdInput).query(({ ctx, input }) => ctx.templates.load(input.templateId)),
  /** A new program whose first version is the template's spec (optionally renamed). */
  createProgram: staffProcedure('programs.write').input(CreateFromTemplateInput).mutation(({ ctx, input }) => {
    const spec = structuredClone(ctx.templates.load(input.templateId).spec);
    if (input.name) spec.program.name = input.name;
    const { programId, version } = createProgram({ ctx, input: { spec, author: ctx.principal.userId, templateId: input.templateId } });
    return { programId, version: { ...toMeta(version), created: version.created } };
  }),
});
