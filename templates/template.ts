import { z } from 'zod';
import { ProgramSpec } from '@loyalty/engine/spec';

/** A ready program in `templates/programs/<id>.json`. */
export const ProgramTemplate = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase slug such as retail-tiers'),
  title: z.string().min(1),
  industry: z.string().min(1),
  summary: z.string().min(1).describe('Two sentences for the template gallery'),
  spec: ProgramSpec,
});
export type ProgramTemplate = z.infer<typeof ProgramTemplate>;
