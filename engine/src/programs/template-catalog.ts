import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DomainError } from '../errors';
import { ProgramSpec } from '../spec';

/** A ready program in `templates/programs/<id>.json`. */
export const ProgramTemplate = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase slug such as retail-tiers'),
  title: z.string().min(1),
  industry: z.string().min(1),
  summary: z.string().min(1).describe('Two sentences for the template gallery'),
  spec: ProgramSpec,
});
export type ProgramTemplate = z.infer<typeof ProgramTemplate>;

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/programs', import.meta.url));
/** The program `npm start` creates on first run. */
export const DEMO_TEMPLATE_ID = 'retail-tiers';

export type TemplateCatalog = { list(): ProgramTemplate[]; load(id: string): ProgramTemplate };

/**
 * Reads and validates the ready programs of a folder; a broken file fails loudly with its name.
 * @example createTemplateCatalog().load('coffee-stamp-card').spec.program.name
 */
export function createTemplateCatalog(dir = DEFAULT_TEMPLATES_DIR): TemplateCatalog {
  const cache = new Map<string, ProgramTemplate>();
  const load = (id: string): ProgramTemplate => {
    const hit = cache.get(id);
    if (hit) return hit;
    const file = path.join(dir, `${id}.json`);
    if (!/^[a-z0-9-]+$/.test(id) || !fs.existsSync(file)) throw new DomainError('not_found', `There is no template '${id}'.`);
    const parsed = ProgramTemplate.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Template ${path.basename(file)} is not valid: ${problems}`);
    }
    if (parsed.data.id !== id) throw new Error(`Template ${path.basename(file)} declares id '${parsed.data.id}'.`);
    cache.set(id, parsed.data);
    return parsed.data;
  };
  const list = () =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => load(f.slice(0, -'.json'.length)))
      .sort((a, b) => a.title.localeCompare(b.title));
  return { list, load };
}
