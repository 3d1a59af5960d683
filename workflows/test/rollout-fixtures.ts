import { setVersionStatus } from '@loyalty/engine/approvals';
import { schema, type Db } from '@loyalty/engine/db';
import { postEarn } from '@loyalty/engine/ledger';
import { signUpMember } from '@loyalty/engine/members';
import { recordRelease } from '@loyalty/engine/releases';
import { DEFAULT_GUARDRAILS, type RolloutInput, type RolloutStage } from '@loyalty/engine/rollouts';
import { randomUUID } from 'node:crypto';
import type { fixtures } from './fixtures';

const system = { type: 'system' as const, id: 'test' };

/**
 * A program whose version 1 runs for everyone and whose version 2 is approved, ready to roll out.
 * @example const { input } = approvedForRollout(f, stages);
 */
export function approvedForRollout(f: ReturnType<typeof fixtures>, stages: RolloutStage[], overrides: Partial<RolloutInput> = {}) {
  const { programId, v1, spec } = f.program(['finance']);
  recordRelease({ ctx: { db: f.db, actor: system }, input: { programId, versionId: v1.id, reason: 'Launch' } });
  const v2 = f.nextVersion(programId, spec, 'Stars');
  for (const to of ['in-review', 'approved'] as const) setVersionStatus(f.db, { programId, versionId: v2.id, to, actor: system, reason: 'test' });
  const input: RolloutInput = {
    rolloutId: randomUUID(),
    programId,
    versionId: v2.id,
    versionNumber: v2.number,
    fromVersionId: v1.id,
    stages,
    guardrails: { ...DEFAULT_GUARDRAILS, checkEveryMinutes: 240 },
    forecast: { pointsPerPurchase: null },
    startedBy: { userId: f.marketer.userId, displayName: f.marketer.displayName },
    ...overrides,
  };
  return { programId, v1, v2, input };
}

/** Members of a program, signed up for real. */
export function members(db: Db, programId: string, count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => signUpMember({ ctx: { db }, input: { programId, email: `${prefix}${i}.${randomUUID().slice(0, 6)}@example.com` } }).member.id);
}

/**
 * Purchases as the event services book them: an earn in the ledger with the version that computed
 * it, and a `purchase-recorded` outbox event naming that version.
 */
export function purchases(db: Db, programId: string, versionId: string, memberIds: string[], pointsEach: number): void {
  for (const memberId of memberIds) {
    const id = randomUUID();
    postEarn({ ctx: { db }, input: { transactionId: `purchase:${id}`, programId, memberId, points: pointsEach, programVersionId: versionId } });
    db.insert(schema.outbox)
      .values({ id: `${id}:purchase-recorded`, type: 'purchase-recorded', programId, memberId, payload: { purchaseId: id, points: pointsEach, versionId } })
      .run();
  }
}
