import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, type DbTx } from '../db';
import { createProgram } from '../programs/create-program';
import { createTemplateCatalog } from '../programs/template-catalog';
import { recordRelease } from '../releases';
import type { ProgramSpec } from '../spec';
import { enrolMember } from './enrol-member';

/**
 * For tests and benchmarks: a program from a ready template (retail-tiers by default), its first
 * version activated.
 * @example const { programId, versionId, spec } = activeTemplateProgram(db);
 */
export function activeTemplateProgram(db: DbTx, templateId = 'retail-tiers', edit?: (spec: ProgramSpec) => ProgramSpec) {
  const template = createTemplateCatalog().load(templateId);
  const spec = edit ? edit(structuredClone(template.spec)) : template.spec;
  const { programId, version } = createProgram({ ctx: { db }, input: { spec, author: 'test', templateId } });
  recordRelease({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId: version.id, reason: 'Activated for a test' } });
  return { programId, versionId: version.id, spec };
}

/** For tests: signs a member up with an email derived from `name`; returns the member id. */
export function testMember(db: DbTx, programId: string, name: string, extra: { country?: string; joinedAt?: string } = {}): string {
  const { member } = enrolMember({
    ctx: { db },
    input: { programId, email: `${name}@example.com`, attributes: extra.country ? { country: extra.country } : {}, joinedAt: extra.joinedAt },
  });
  return member.id;
}

/** For tests: the statements of a committed migration (`drizzle/<file>`) that contain `containing`. */
export function migrationStatements(file: string, containing = ''): string[] {
  return fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8').split('--> statement-breakpoint').filter((s) => s.includes(containing));
}
