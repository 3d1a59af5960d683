import type { ProgramSettings } from '@loyalty/engine/spec';
import { TEMPLATE_VARIABLES, isKnownTemplateVariable, listTemplateVariables } from '@loyalty/engine/spec';

/** One piece of a rendered preview: plain text, a filled-in value, or a variable we do not know. */
export type PreviewPart = { kind: 'text' | 'value' | 'unknown'; text: string };

/** Sample data for previews: the catalog's examples, with the program's own name and points name. */
export function sampleData(program?: Pick<ProgramSettings, 'name' | 'pointsName'>): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v.path, String(v.example)]));
  if (program) {
    out['program.name'] = program.name;
    out['program.pointsName'] = program.pointsName;
  }
  return out;
}

const OUTPUT = /\{\{-?\s*([\s\S]*?)\s*-?\}\}|\{%-?[\s\S]*?-?%\}/g;
const DEFAULT = /\|\s*default:\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * Renders a message body for a sample member: `{{ member.firstName }}` becomes 'Anna', a
 * `| default: "friend"` filter fills in for empty values, `{% %}` tags are left out, unknown
 * variables stay visible as parts of kind 'unknown'.
 * @example renderPreview('Hi {{ member.firstName }}!', sampleData()).map((p) => p.text).join('') // 'Hi Anna!'
 */
export function renderPreview(body: string, sample: Record<string, string>): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let at = 0;
  for (const m of body.matchAll(OUTPUT)) {
    if (m.index > at) parts.push({ kind: 'text', text: body.slice(at, m.index) });
    at = m.index + m[0].length;
    if (m[1] === undefined) continue; // a tag
    const path = m[1].split('|')[0]!.trim();
    const fallback = DEFAULT.exec(m[1]);
    const value = sample[path];
    if (value !== undefined && value !== '') parts.push({ kind: 'value', text: value });
    else if (fallback) parts.push({ kind: 'value', text: fallback[1] ?? fallback[2] ?? '' });
    else parts.push({ kind: 'unknown', text: `{{ ${path} }}` });
  }
  if (at < body.length) parts.push({ kind: 'text', text: body.slice(at) });
  return parts;
}

/** Variables a text uses that the catalog does not know. @example unknownVariables('{{ member.nme }}') // ['member.nme'] */
export function unknownVariables(text: string): string[] {
  return listTemplateVariables(text).filter((v) => !isKnownTemplateVariable(v));
}
