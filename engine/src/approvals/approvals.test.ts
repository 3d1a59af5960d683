import { afterAll, describe, expect, it } from 'vitest';
import { createProgram } from '../programs';
import { blankProgram, type ProgramSpec } from '../spec';
import { staffMember } from '../testing/staff';
import { tempDatabase } from '../testing/temp-db';
import { saveVersion } from '../versions/save-version';
import { createScenarioGate, gateResult, listVersionStatuses, openReview, setVersionStatus, submitVersion, versionStatusOf, type TemporalWorkflows } from '.';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const system = { type: 'system' as const, id: 'test' };

const withScenario = (spec: ProgramSpec, available: number): ProgramSpec => ({
  ...spec,
  scenarios: [
    {
      id: 'sc-coffee',
      name: 'Member buys coffee',
      description: '',
      given: { member: { balance: 0, tenureDays: 0, attributes: {} } },
      when: [{ kind: 'purchase', afterDays: 0, items: [{ sku: 'LATTE', quantity: 1, price: 4 }], channel: 'store' }],
      then: { balance: { available } },
    },
  ],
});

describe('version status', () => {
  const { programId, version } = createProgram({ ctx: { db }, input: { spec: blankProgram('Club'), author: 'system' } });
  it('moves along draft → in-review → approved → rolling-out → active → retired, keeping the history', () => {
    expect(versionStatusOf(db, version.id)).toBe('draft');
    for (const to of ['in-review', 'approved', 'rolling-out', 'active', 'retired'] as const) setVersionStatus(db, { programId, versionId: version.id, to, actor: system, reason: `to ${to}` });
    expect(setVersionStatus(db, { programId, versionId: version.id, to: 'retired', actor: system, reason: 'again' })).toBe(false);
    const [row] = listVersionStatuses({ ctx: { db }, input: { programId } });
    expect(row).toMatchObject({ status: 'retired' });
    expect(row!.history.map((h) => `${h.fromStatus}→${h.toStatus}`)).toEqual(['draft→in-review', 'in-review→approved', 'approved→rolling-out', 'rolling-out→active', 'active→retired']);
    expect(() => db.$client.prepare('delete from version_status_events').run()).toThrow(/append-only/);
  });
  it('refuses changes that skip steps', () => {
    const v2 = saveVersion({ ctx: { db }, input: { programId, spec: { ...blankProgram('Club'), program: { ...blankProgram('Club').program, pointsName: 'Stars' } }, author: 'system' } });
    expect(() => setVersionStatus(db, { programId, versionId: v2.id, to: 'active', actor: system, reason: 'x' })).toThrow('A version that is draft cannot become active.');
  });
});

describe('scenario gate', () => {
  it('runs the version’s scenarios with the simulation and says what differed', async () => {
    const { version } = createProgram({ ctx: { db }, input: { spec: withScenario(blankProgram('Gate'), 180), author: 'system' } });
    const result = await createScenarioGate(db)(version.id);
    expect(result).toMatchObject({ passed: false, ran: 1, note: '1 of 1 scenario tests fail.' });
    expect(result.failures).toEqual([{ scenarioId: 'sc-coffee', name: 'Member buys coffee', differences: ['available balance: expected 180 Points, got 0'] }]);
  });
  it('passes a version without scenarios and says 0 ran', async () => {
    const { version } = createProgram({ ctx: { db }, input: { spec: blankProgram('None'), author: 'system' } });
    expect(await createScenarioGate(db)(version.id)).toEqual({ passed: true, ran: 0, failures: [], note: 'No scenario tests are stored with this version: 0 scenario tests ran.' });
    expect(gateResult([{ scenarioId: 'a', name: 'A', passed: true, differences: [] }]).note).toBe('All 1 scenario tests pass.');
  });
});

describe('submitting', () => {
  const principal = staffMember(db, 'marketer');
  const noTemporal = { client: new Proxy({}, { get: () => { throw new Error('Temporal must not be called'); } }), taskQueue: 'x' } as unknown as TemporalWorkflows;
  const ctx = { db, temporal: noTemporal, principal };

  it('refuses a version that is not a draft, and an older version while a newer one is in review', async () => {
    const { programId, version: v1, } = createProgram({ ctx: { db }, input: { spec: blankProgram('Sub'), author: principal.userId } });
    const v2 = saveVersion({ ctx: { db }, input: { programId, spec: { ...blankProgram('Sub'), program: { ...blankProgram('Sub').program, pointsName: 'Stars' } }, author: principal.userId } });
    const event = { seq: 1, kind: 'submitted' as const, actorId: principal.userId, actorName: 'M', text: 'submitted', at: new Date().toISOString() };
    openReview({ ctx: { db }, input: { programId, versionId: v2.id, versionNumber: 2, author: principal.userId, requiredRoles: ['finance'], reminderAfterHours: 24, submittedBy: { userId: principal.userId, displayName: 'M' }, reviewId: 'r-1', workflowId: 'w', event } });
    await expect(submitVersion({ ctx, input: { versionId: v2.id } })).rejects.toThrow('Version 2 is in-review; only a draft can be submitted for approval.');
    await expect(submitVersion({ ctx, input: { versionId: v1.id } })).rejects.toThrow('Version 2 is already in review; version 1 is older.');
  });
});
