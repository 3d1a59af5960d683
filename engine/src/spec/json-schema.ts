import { z } from 'zod';
import { ProgramSpec } from './program-spec';

/** Where the committed JSON Schema lives, relative to the repository root. */
export const PROGRAM_SCHEMA_FILE = 'templates/program.schema.json';

/**
 * JSON Schema (draft 2020-12) of a program as authors write it: fields with defaults are optional.
 * Cross-references (ids, tier order) are checked by `checkProgram`, not by the schema.
 * @example const schema = programJsonSchema(); // { $schema, title, type: 'object', properties: {...}, $defs: { Condition } }
 */
export function programJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProgramSpec, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return schema as Record<string, unknown>;
}

/** The schema as committed: two-space JSON with a final newline. */
export function programJsonSchemaText(): string {
  return `${JSON.stringify(programJsonSchema(), null, 2)}\n`;
}
