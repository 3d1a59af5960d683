import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProgramTemplate } from './template';

export { ProgramTemplate } from './template';

export const PROGRAMS_DIR = fileURLToPath(new URL('./programs', import.meta.url));
/** The program `npm start` creates on first run. */
export const DEMO_TEMPLATE_ID = 'retail-tiers';

const cache = new Map<string, ProgramTemplate>();

/**
 * Reads and validates one template; a broken file fails loudly with its name.
 * @example loadTemplate('coffee-stamp-card').spec.program.name
 */
export function loadTemplate(id: string): ProgramTemplate {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = path.join(PROGRAMS_DIR, `${id}.json`);
  if (!/^[a-z0-9-]+$/.test(id) || !fs.existsSync(file)) throw new Error(`There is no template '${id}'.`);
  const parsed = ProgramTemplate.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Template ${path.basename(file)} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.id !== id) throw new Error(`Template ${path.basename(file)} declares id '${parsed.data.id}'.`);
  cache.set(id, parsed.data);
  return parsed.data;
}

/** Every template, sorted by title. */
export function listTemplates(): ProgramTemplate[] {
  return fs
    .readdirSync(PROGRAMS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => loadTemplate(f.slice(0, -'.json'.length)))
    .sort((a, b) => a.title.localeCompare(b.title));
}
