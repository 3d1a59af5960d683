import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROGRAM_SCHEMA_FILE, programJsonSchema, programJsonSchemaText } from './json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('programJsonSchema', () => {
  it('matches the committed file (regenerate: npx tsx engine/src/spec/write-json-schema.ts)', () => {
    expect(readFileSync(path.join(root, PROGRAM_SCHEMA_FILE), 'utf8')).toBe(programJsonSchemaText());
  });

  it('only requires the program name at the top', () => {
    const schema = programJsonSchema() as { required?: string[]; properties: Record<string, unknown>; $defs?: Record<string, unknown> };
    expect(schema.required).toEqual(['program']);
    expect(Object.keys(schema.properties)).toContain('journeys');
    expect(schema.$defs).toHaveProperty('Condition');
  });

  it('carries plain-language descriptions', () => {
    expect(programJsonSchemaText()).toContain('What points are called (e.g. Beans, Miles)');
  });
});
