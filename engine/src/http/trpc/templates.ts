import { z } from 'zod';
import { createProgram } from '../../programs';
import type { ProgramTemplate } from '../../programs/template-catalog';
import { toMeta } from '../../versions/version-rows';
import { procedure, router } from './init';
import { Author } from './programs';

const TemplateIdInput = z.object({ templateId: z.string().min(1) });

export const CreateFromTemplateInput = z.object({
  templateId: z.string().min(1),
  author: Author,
  name: z.string().trim().min(1).max(120).optional().describe('Name of the new program; the template’s when empty'),
});

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
  list: procedure.query(({ ctx }) => ctx.templates.list().map(summary)),
  get: procedure.input(TemplateIdInput).query(({ ctx, input }) => ctx.templates.load(input.templateId)),
  /** A new program whose first version is the template's spec (optionally renamed). */
  createProgram: procedure.input(CreateFromTemplateInput).mutation(({ ctx, input }) => {
    const spec = structuredClone(ctx.templates.load(input.templateId).spec);
    if (input.name) spec.program.name = input.name;
    const { programId, version } = createProgram({ ctx, input: { spec, author: input.author, templateId: input.templateId } });
    return { programId, version: { ...toMeta(version), created: version.created } };
  }),
});
