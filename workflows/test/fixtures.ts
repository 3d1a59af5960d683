import type { Reviewer } from '@loyalty/engine/approvals';
import type { Db } from '@loyalty/engine/db';
import { schema } from '@loyalty/engine/db';
import { createProgram } from '@loyalty/engine/programs';
import { blankProgram, type ProgramSpec } from '@loyalty/engine/spec';
import { tempDatabase } from '@loyalty/engine/testing';
import { saveVersion } from '@loyalty/engine/versions';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';

/**
 * A migrated SQLite temp file with staff: a marketer (who writes versions) and approvers.
 * @example const f = fixtures(); const { programId, v1 } = f.program(['finance']);
 */
export function fixtures() {
  const { db, cleanup } = tempDatabase();
  const person = (role: 'admin' | 'marketer' | 'approver' | 'analyst', name: string, approvalRoles: string[] = []): Reviewer => {
    const id = randomUUID();
    db.insert(schema.staffUsers)
      .values({ id, email: `${name}.${id.slice(0, 6)}@example.com`, displayName: name, role, passwordHash: 'x', approvalRoles: JSON.stringify(approvalRoles), createdAt: new Date().toISOString() })
      .run();
    return { userId: id, displayName: name, role, approvalRoles };
  };
  const marketer = person('marketer', 'Mia Marketer', ['marketing-lead']);
  const lead = person('approver', 'Lea Lead', ['marketing-lead']);
  const finance = person('approver', 'Finn Finance', ['finance']);
  const outsider = person('approver', 'Otto Other', ['legal']);
  const analyst = person('analyst', 'Ana Analyst');

  /** A program needing the given roles, with version 1 written by the marketer. */
  const program = (roles: string[], reminderAfterHours = 24, scenarios: ProgramSpec['scenarios'] = []) => {
    const spec = { ...withApproval(blankProgram(`Club ${randomUUID().slice(0, 4)}`), roles, reminderAfterHours), scenarios };
    const { programId, version } = createProgram({ ctx: { db }, input: { spec, author: marketer.userId } });
    return { programId, v1: version, spec };
  };
  /** A new version (differing in its points name) of a program. */
  const nextVersion = (programId: string, spec: ProgramSpec, pointsName: string) =>
    saveVersion({ ctx: { db }, input: { programId, spec: { ...spec, program: { ...spec.program, pointsName } }, author: marketer.userId } });

  return { db, cleanup, marketer, lead, finance, outsider, analyst, program, nextVersion };
}

export function withApproval(spec: ProgramSpec, roles: string[], reminderAfterHours: number): ProgramSpec {
  return { ...spec, program: { ...spec.program, approval: { requiredApproverRoles: roles, reminderAfterHours } } };
}

export const rows = (db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as Record<string, unknown>[];
export const statusOf = (db: Db, versionId: string) =>
  db.select({ s: schema.versionStatus.status }).from(schema.versionStatus).where(eq(schema.versionStatus.versionId, versionId)).get()?.s ?? 'draft';
