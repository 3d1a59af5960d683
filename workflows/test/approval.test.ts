import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ApprovalInput } from '@loyalty/engine/approvals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalHandle, approvalState, approveVersion, commentOnVersion, rejectVersion, submitForApproval } from '../src/approval-lifecycle';
import { recordHistory } from './histories';
import { fixtures, rows, statusOf } from './fixtures';
import { startTimeSkippingServer } from './temporal-env';
import { eventually, quietRuntime, runWorker } from './worker-harness';

// The approval workflow on the real time-skipping test server, with the real activities writing
// to a real SQLite file. Reminders wait for hours; the server skips that time.
const TASK_QUEUE = 'approval-test';
const f = fixtures();
let env: TestWorkflowEnvironment;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  quietRuntime();
  env = await startTimeSkippingServer();
  stopWorker = (await runWorker(env, f.db, TASK_QUEUE)).stop;
});
afterAll(async () => {
  await stopWorker?.();
  await env?.teardown();
  f.cleanup();
});

const inputFor = (programId: string, v: { id: string; number: number; author: string }, roles: string[], reminderAfterHours = 24): ApprovalInput => ({
  programId,
  versionId: v.id,
  versionNumber: v.number,
  author: v.author,
  requiredRoles: roles,
  reminderAfterHours,
  submittedBy: { userId: f.marketer.userId, displayName: f.marketer.displayName },
});

/** Submits and waits until the scenario gate has run (approvals wait for it). */
async function submit(input: ApprovalInput) {
  await submitForApproval(env.client, TASK_QUEUE, input);
  return eventually(() => approvalState(env.client, input.programId), (s) => s.versionId === input.versionId && s.gate !== null);
}

describe('approval workflow (time-skipping server, real activities and SQLite)', () => {
  it('approves once every required role approved, with comments, and mirrors it all into SQLite', async () => {
    const { programId, v1 } = f.program(['marketing-lead', 'finance']);
    const state = await submit(inputFor(programId, v1, ['marketing-lead', 'finance']));
    expect(state).toMatchObject({ status: 'in-review', pendingRoles: ['marketing-lead', 'finance'], gate: { passed: true, ran: 0 } });
    expect(state.gate?.note).toMatch(/0 scenario tests ran/);
    expect(statusOf(f.db, v1.id)).toBe('in-review');

    await commentOnVersion(env.client, programId, { versionId: v1.id, reviewer: f.marketer, text: 'Double points on Saturdays, as agreed.' });
    const afterLead = await approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.lead });
    expect(afterLead).toMatchObject({ status: 'in-review', pendingRoles: ['finance'] });
    await approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance, comment: 'Budget ok' });

    const result = await approvalHandle(env.client, programId).result();
    await recordHistory(approvalHandle(env.client, programId), 'approval-approved', env.address);
    expect(result.status).toBe('approved');
    expect(result.decisions.map((d) => [d.role, d.byName])).toEqual([['marketing-lead', 'Lea Lead'], ['finance', 'Finn Finance']]);
    expect(statusOf(f.db, v1.id)).toBe('approved');
    const events = rows(f.db, 'select kind, actor_name, role, text from review_events where review_id = ? order by seq', result.reviewId);
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'scenarios', 'comment', 'approved', 'approved', 'decided']);
    expect(events[4]).toMatchObject({ actor_name: 'Finn Finance', role: 'finance', text: 'Budget ok' });
    expect(rows(f.db, 'select status, closed_at from version_reviews where id = ?', result.reviewId)[0]).toMatchObject({ status: 'approved' });
    const audit = rows(f.db, "select action from audit_log where entity_id = ? and action like 'version.%' order by seq", v1.id).map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['version.submitted', 'version.review.approved', 'version.status-changed']));
  });

  it('refuses the author, people without the role, and a second decision for the same role', async () => {
    const { programId, v1 } = f.program(['marketing-lead', 'finance']);
    await submit(inputFor(programId, v1, ['marketing-lead', 'finance']));
    // The marketer holds marketing-lead but wrote the version.
    await expect(approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.marketer })).rejects.toMatchObject({
      cause: { type: 'forbidden', message: expect.stringMatching(/You wrote version 1/) },
    });
    await expect(approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.outsider })).rejects.toMatchObject({ cause: { type: 'forbidden' } });
    await approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.lead });
    await expect(approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.lead, role: 'marketing-lead' })).rejects.toMatchObject({
      cause: { type: 'conflict', message: expect.stringMatching(/already decided: approved by Lea Lead/) },
    });
    const state = await approvalState(env.client, programId);
    expect(state.decisions).toHaveLength(1);
    await rejectVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance, comment: 'close it' });
  });

  it('rejects with a reason; a rejection without one is refused', async () => {
    const { programId, v1 } = f.program(['finance']);
    await submit(inputFor(programId, v1, ['finance']));
    await expect(rejectVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance })).rejects.toMatchObject({ cause: { type: 'invalid_input' } });
    await rejectVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance, comment: 'No cap on the birthday bonus.' });
    const result = await approvalHandle(env.client, programId).result();
    expect(result.status).toBe('rejected');
    expect(result.history.at(-1)?.text).toBe('Rejected by Finn Finance (finance): No cap on the birthday bonus.');
    expect(statusOf(f.db, v1.id)).toBe('rejected');
  });

  it('reminds the approvers every reminderAfterHours while they have not decided', async () => {
    const { programId, v1 } = f.program(['finance'], 2);
    await submit(inputFor(programId, v1, ['finance'], 2));
    await env.sleep('5 hours');
    const state = await eventually(() => approvalState(env.client, programId), (s) => s.remindersSent === 2);
    expect(state.history.filter((e) => e.kind === 'reminder').map((e) => e.text)).toEqual([
      'Reminder: version 1 still waits for finance.',
      'Reminder: version 1 still waits for finance.',
    ]);
    const outbox = rows(f.db, "select id, payload from outbox where type = 'approval-reminder' and program_id = ?", programId);
    expect(outbox).toHaveLength(2);
    expect(JSON.parse(outbox[0]!.payload as string)).toMatchObject({ versionId: v1.id, pendingRoles: ['finance'] });
    await approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance });
    expect((await approvalHandle(env.client, programId).result()).status).toBe('approved');
    await recordHistory(approvalHandle(env.client, programId), 'approval-reminded', env.address);
  });

  it('a newer version supersedes the pending review, which records by which version', async () => {
    const { programId, v1, spec } = f.program(['finance']);
    await submit(inputFor(programId, v1, ['finance']));
    const v2 = f.nextVersion(programId, spec, 'Stars');
    const state = await submit(inputFor(programId, v2, ['finance']));
    expect(state).toMatchObject({ versionId: v2.id, versionNumber: 2, status: 'in-review' });
    const old = rows(f.db, 'select id, status, superseded_by_version_id from version_reviews where version_id = ?', v1.id)[0]!;
    expect(old).toMatchObject({ status: 'superseded', superseded_by_version_id: v2.id });
    expect(rows(f.db, "select text from review_events where review_id = ? and kind = 'superseded'", old.id)[0]).toEqual({ text: 'Superseded by version 2.' });
    expect(statusOf(f.db, v1.id)).toBe('superseded');
    // A decision on the old version is refused: the open review is version 2's.
    await expect(approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance })).rejects.toMatchObject({ cause: { type: 'conflict' } });
    await approveVersion(env.client, programId, { versionId: v2.id, reviewer: f.finance });
    expect((await approvalHandle(env.client, programId).result()).status).toBe('approved');
    await recordHistory(env.client.workflow.getHandle(state.workflowId, old.id as string), 'approval-superseded', env.address);
    expect(statusOf(f.db, v2.id)).toBe('approved');
  });

  it('failing scenario tests block approval and show what differed', async () => {
    // The program earns nothing yet, so the marketer's expectation of 180 points fails.
    const coffee = { id: 'sc-coffee', name: 'Member buys coffee', when: [{ kind: 'purchase' as const, afterDays: 0, items: [{ sku: 'LATTE', quantity: 1, price: 120 }], channel: 'store' as const }], then: { balance: { available: 180 } } };
    const signUp = { id: 'sc-join', name: 'Member joins', when: [{ kind: 'sign-up' as const, afterDays: 0 }], then: { balance: { available: 0 } } };
    const { programId, v1 } = f.program(['finance'], 24, [coffee, signUp].map((s) => ({ description: '', given: { member: { balance: 0, tenureDays: 0, attributes: {} } }, ...s })));
    const state = await submit(inputFor(programId, v1, ['finance']));
    expect(state.gate).toMatchObject({ passed: false, ran: 2, note: '1 of 2 scenario tests fail.', failures: [{ name: 'Member buys coffee' }] });
    await expect(approveVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance })).rejects.toMatchObject({
      cause: { type: 'unprocessable', message: expect.stringContaining('Member buys coffee: available balance: expected 180 Points, got 0') },
    });
    const review = rows(f.db, 'select scenario_gate from version_reviews where version_id = ?', v1.id)[0]!;
    expect(JSON.parse(review.scenario_gate as string)).toMatchObject({ passed: false, ran: 2 });
    await rejectVersion(env.client, programId, { versionId: v1.id, reviewer: f.finance, comment: 'Fix the coffee scenario.' });
    expect((await approvalHandle(env.client, programId).result()).status).toBe('rejected');
    expect(statusOf(f.db, v1.id)).toBe('rejected');
  });
});
