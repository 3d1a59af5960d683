import { afterAll, describe, expect, it } from 'vitest';
import { setVersionStatus, versionStatusOf } from '../approvals/version-status';
import { currentRelease } from '../releases/current-release';
import { staffMember } from '../testing/staff';
import { startRollout } from './start-rollout';
import { schema } from '../db';
import { postEarn } from '../ledger';
import { signUpMember } from '../members';
import { createProgram } from '../programs';
import { blankProgram } from '../spec';
import { tempDatabase } from '../testing/temp-db';
import { saveVersion } from '../versions/save-version';
import { DEFAULT_GUARDRAILS, defaultStages, evaluateGuardrails, planProblems, stageMembers, versionFigures, type VersionFigures } from '.';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);

const figures = (over: Partial<VersionFigures>): VersionFigures => ({
  versionId: 'v',
  purchases: 100,
  pointsIssued: 1000,
  pointsPerPurchase: 10,
  errors: 0,
  errorRate: 0,
  fraudFlags: 0,
  fraudFlagsPer1000: 0,
  ...over,
});

describe('rollout plan', () => {
  it('starts with internal test members when there are any and ends at 100 %', () => {
    expect(defaultStages(['m-1']).map((s) => [s.name, s.canaryShare])).toEqual([['Internal test members', 0], ['5 %', 500], ['25 %', 2500], ['100 %', 10_000]]);
    expect(defaultStages([]).map((s) => s.name)).toEqual(['5 %', '25 %', '100 %']);
    expect(planProblems(defaultStages([]))).toEqual([]);
  });

  it('refuses plans that shrink or never reach everyone', () => {
    expect(planProblems([{ name: 'a', canaryShare: 5000, members: [], durationMinutes: 1 }, { name: 'b', canaryShare: 500, members: [], durationMinutes: 1 }])).toEqual([
      'The last stage must reach 100 % of members (10000).',
      "Stage 'b' gives fewer members the new version than the stage before it.",
    ]);
  });

  it('keeps earlier stages’ members on the new version', () => {
    const stages = [{ name: 'a', canaryShare: 0, members: ['m-1'], durationMinutes: 1 }, { name: 'b', canaryShare: 500, members: ['m-2'], durationMinutes: 1 }];
    expect(stageMembers(stages, 1)).toEqual(['m-1', 'm-2']);
  });
});

describe('guardrails', () => {
  const base = { guardrails: DEFAULT_GUARDRAILS, forecast: { pointsPerPurchase: 10 }, at: '2025-01-01T00:00:00.000Z' };
  it('passes a canary that behaves like the control and the forecast', () => {
    expect(evaluateGuardrails({ ...base, canary: figures({ pointsPerPurchase: 11 }), control: figures({}) }).breached).toBe(false);
  });
  it('says nothing before the canary has enough purchases', () => {
    expect(evaluateGuardrails({ ...base, canary: figures({ purchases: 3, pointsPerPurchase: 500 }), control: figures({}) }).breached).toBe(false);
  });
  it('names each breach: points per purchase against control and forecast, error rate, fraud flags', () => {
    const check = evaluateGuardrails({ ...base, canary: figures({ pointsPerPurchase: 30, errorRate: 0.1, fraudFlagsPer1000: 20 }), control: figures({ errorRate: 0.01 }) });
    expect(check.reasons).toEqual([
      "Points per purchase 30 is 3x the old version's 10 (limit 1.5x).",
      'Points per purchase 30 is 3x the forecast of 10 (limit 1.5x).',
      'Error rate 10 % against 1 % on the old version (limit +2 points).',
      'Fraud flags 20 per 1000 events against 0 on the old version (limit +5).',
    ]);
  });
});

describe('live figures per version', () => {
  it('counts purchases and events from the outbox and points from the ledger, since a time', () => {
    const { programId, version: v1 } = createProgram({ ctx: { db }, input: { spec: blankProgram('Club'), author: 'system' } });
    const v2 = saveVersion({ ctx: { db }, input: { programId, spec: { ...blankProgram('Club'), program: { ...blankProgram('Club').program, pointsName: 'Stars' } }, author: 'system' } });
    const member = signUpMember({ ctx: { db }, input: { programId, email: 'a@example.com' } }).member.id;
    const since = new Date().toISOString();
    for (const [i, version, points] of [[1, v1.id, 10], [2, v1.id, 30], [3, v2.id, 100]] as const) {
      postEarn({ ctx: { db }, input: { transactionId: `purchase:${i}`, programId, memberId: member, points, programVersionId: version } });
      db.insert(schema.outbox).values({ id: `p${i}`, type: 'purchase-recorded', programId, memberId: member, payload: { versionId: version, points } }).run();
    }
    db.insert(schema.outbox).values({ id: 'e1', type: 'event-failed', programId, memberId: member, payload: { versionId: v1.id } }).run();
    db.insert(schema.outbox).values({ id: 'f1', type: 'fraud-flagged', programId, memberId: member, payload: { versionId: v1.id } }).run();
    expect(versionFigures(db, v1.id, since)).toEqual({
      versionId: v1.id,
      purchases: 2,
      pointsIssued: 40,
      pointsPerPurchase: 20,
      errors: 1,
      errorRate: 1 / 3,
      fraudFlags: 1,
      fraudFlagsPer1000: 500,
    });
    expect(versionFigures(db, v2.id, since)).toMatchObject({ purchases: 1, pointsIssued: 100, pointsPerPurchase: 100 });
    expect(versionFigures(db, v2.id, '2999-01-01T00:00:00.000Z')).toMatchObject({ purchases: 0, pointsIssued: 0, pointsPerPurchase: null });
  });
});

describe('first launch', () => {
  it('puts the first approved version live for everyone, since there is no older version to stage against', async () => {
    const marketer = staffMember(db, 'marketer', 'Mia');
    const { programId, version } = createProgram({ ctx: { db }, input: { spec: blankProgram('Launch club'), author: marketer.userId } });
    const actor = { type: 'staff' as const, id: 'approver-1' };
    for (const to of ['in-review', 'approved'] as const) setVersionStatus(db, { programId, versionId: version.id, to, actor, reason: 'test' });
    // No Temporal is needed: nothing is staged.
    const temporal = { client: undefined as never, taskQueue: 'unused' };
    const result = await startRollout({ ctx: { db, temporal, principal: marketer }, input: { versionId: version.id } });
    expect(result).toMatchObject({ launched: true, workflowId: null });
    expect(currentRelease(db, programId)).toMatchObject({ versionId: version.id, canaryVersionId: null });
    expect(versionStatusOf(db, version.id)).toBe('active');
  });
});
