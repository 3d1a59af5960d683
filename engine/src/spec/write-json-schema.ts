/**
 * Writes the program JSON Schema to templates/program.schema.json.
 * Run from the repository root: `npx tsx engine/src/spec/write-json-schema.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PROGRAM_SCHEMA_FILE, programJsonSchemaText } from './json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const target = path.join(root, PROGRAM_SCHEMA_FILE);
writeFileSync(target, programJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
