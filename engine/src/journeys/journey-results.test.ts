import { afterAll, describe, expect, it } from 'vitest';
import { journeyRuns, messages } from '../db/schema';
import { enrolMember } from '../events';
import { activeTemplateProgram, testMember } from '../events/test-fixtures';
import { tempDatabase } from '../testing/temp-db';
import { collectJourneyWork } from './collect-journey-work';
import { journeyResults } from './journey-results';
import { outboxCursor, saveOutboxCursor } from './outbox-feed';
import { recordDelivery, runJourneyStep } from './run-journey-step';
import { withWelcomeJourney } from './test-journey';

const { db, cleanup } = tempDatabase('loyalty-journey-results-');
afterAll(cleanup);

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const CONSENT = 'The member has not agreed to text messages.';
const CAP = 'The member already got 1 messages in the last 7 days (the most the program allows).';
const NO_PHONE = 'The member has no phone number.';
const FILL = 'The message text could not be filled in: unknown filter';

type Run = { member: string; journey?: string; status: 'running' | 'completed' | 'failed'; variant?: string; startedAt: string };
type Message = { status: 'sent' | 'queued' | 'skipped' | 'failed'; step: string; reason?: string; at?: string };

/** Rows as the journey relay writes them: a run and the messages of its steps. */
function seed(programId: string, versionId: string, id: string, run: Run, sent: Message[] = []) {
  const journeyId = run.journey ?? 'journey-welcome';
  db.insert(journeyRuns)
    .values({ id, programId, versionId, journeyId, memberId: run.member, triggerEventId: `event-${id}`, status: run.status, stepId: 'hello', variant: run.variant ?? null, startedAt: run.startedAt, updatedAt: run.startedAt, endedAt: run.status === 'running' ? null : run.startedAt })
    .run();
  sent.forEach((m, i) =>
    db.insert(messages)
      .values({ id: `${id}:${i}`, programId, memberId: run.member, runId: id, journeyId, stepId: m.step, templateId: 'msg-hello', channel: 'email', status: m.status, reason: m.reason ?? null, createdAt: m.at ?? run.startedAt })
      .run(),
  );
}

describe('journey results', () => {
  const { programId, versionId } = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec));
  const [ann, bo, cy, dee, eli] = ['ann', 'bo', 'cy', 'dee', 'eli'].map((name) => testMember(db, programId, name));
  seed(programId, versionId, 'r-ann', { member: ann!, status: 'completed', variant: 'A', startedAt: ago(5) }, [
    { status: 'sent', step: 'hello' },
    { status: 'skipped', step: 'text', reason: CONSENT },
    { status: 'queued', step: 'receipt', reason: 'Printed on the member’s next till receipt.' },
    { status: 'sent', step: 'nudge' },
  ]);
  seed(programId, versionId, 'r-bo', { member: bo!, status: 'completed', variant: 'B', startedAt: ago(4) }, [
    { status: 'sent', step: 'hello' },
    { status: 'skipped', step: 'text', reason: CONSENT },
  ]);
  seed(programId, versionId, 'r-cy', { member: cy!, status: 'running', variant: 'A', startedAt: ago(3) }, [
    { status: 'sent', step: 'hello' },
    { status: 'skipped', step: 'text', reason: CAP },
    { status: 'skipped', step: 'nudge', reason: NO_PHONE },
  ]);
  seed(programId, versionId, 'r-dee', { member: dee!, status: 'failed', startedAt: ago(2) }, [
    { status: 'failed', step: 'hello', reason: FILL },
    { status: 'skipped', step: 'text', reason: CONSENT },
  ]);
  // Before the period: counted only with the default 30 days.
  seed(programId, versionId, 'r-eli', { member: eli!, status: 'completed', variant: 'A', startedAt: ago(48) }, [{ status: 'sent', step: 'hello' }]);
  seed(programId, versionId, 'r-ann-expiry', { member: ann!, journey: 'journey-expiry', status: 'running', startedAt: ago(1) }, [{ status: 'sent', step: 'remind' }]);
  // Another program's runs never count.
  const other = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec));
  seed(other.programId, other.versionId, 'r-other', { member: testMember(db, other.programId, 'zed'), status: 'completed', variant: 'A', startedAt: ago(1) }, [{ status: 'sent', step: 'hello' }]);

  it('counts runs, messages by status, the top reasons and each split variant in the period', () => {
    const { since, journeys } = journeyResults({ ctx: { db }, input: { programId, since: ago(24) } });
    expect(since).toBe(new Date(since).toISOString());
    expect(journeys.map((j) => j.journeyId)).toEqual(['journey-welcome', 'journey-expiry']);
    expect(journeys[0]).toEqual({
      journeyId: 'journey-welcome',
      runs: { started: 4, running: 1, completed: 2, failed: 1 },
      messages: { sent: 4, queued: 1, skipped: 5, failed: 1 },
      // Most frequent first, at most three: the consent reason (3), then the ties by status and wording.
      reasons: [
        { status: 'skipped', reason: CONSENT, count: 3 },
        { status: 'failed', reason: FILL, count: 1 },
        { status: 'skipped', reason: CAP, count: 1 },
      ],
      variants: [
        { variant: 'A', runs: 2, completed: 1, messagesSent: 3 },
        { variant: 'B', runs: 1, completed: 1, messagesSent: 1 },
      ],
    });
    expect(journeys[1]).toEqual({
      journeyId: 'journey-expiry',
      runs: { started: 1, running: 1, completed: 0, failed: 0 },
      messages: { sent: 1, queued: 0, skipped: 0, failed: 0 },
      reasons: [],
      variants: [],
    });
  });

  it('looks 30 days back by default and answers nothing for a period without runs', () => {
    const welcome = journeyResults({ ctx: { db }, input: { programId } }).journeys.find((j) => j.journeyId === 'journey-welcome')!;
    expect(welcome.runs.started).toBe(5);
    expect(welcome.variants.find((v) => v.variant === 'A')).toEqual({ variant: 'A', runs: 3, completed: 2, messagesSent: 4 });
    expect(journeyResults({ ctx: { db }, input: { programId, since: new Date(Date.now() + HOUR).toISOString() } }).journeys).toEqual([]);
  });

  it('refuses an unknown program and a malformed date', () => {
    expect(() => journeyResults({ ctx: { db }, input: { programId: 'nope' } })).toThrow(/program does not exist/);
    expect(() => journeyResults({ ctx: { db }, input: { programId, since: 'yesterday' } })).toThrow(/ISO timestamp/);
  });

  it('reads with the program indexes, not by scanning every run and message', () => {
    const plan = (query: string) =>
      (db.$client.prepare(`explain query plan ${query}`).all('p', '2026-01-01T00:00:00.000Z') as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan(`select journey_id, count(*) from journey_runs where program_id = ? and started_at >= ? group by journey_id`)).toContain('journey_runs_journey');
    expect(plan(`select journey_id, status, count(*) from messages where program_id = ? and created_at >= ? group by journey_id, status`)).toContain('messages_program');
  });
});

describe('journey results of runs driven step by step', () => {
  it('counts what real steps recorded, including the split variant the run took', () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec));
    saveOutboxCursor(db, 'results-test', outboxCursor(db, 'results-test'));
    enrolMember({ ctx: { db }, input: { programId, email: 'fern@example.com', firstName: 'Fern', consents: { email: true } } });
    const work = collectJourneyWork({ ctx: { db }, input: { afterSeq: outboxCursor(db, 'results-test') } });
    saveOutboxCursor(db, 'results-test', work.lastSeq);
    const runId = work.starts.find((s) => s.runId.includes(programId))!.runId;
    const at = new Date().toISOString();
    const step = (stepId: string, seq: number) => runJourneyStep({ ctx: { db }, input: { runId, stepId, seq, at } });
    const hello = step('hello', 0);
    if (hello.kind !== 'deliver') throw new Error('expected a delivery');
    recordDelivery({ ctx: { db }, input: { message: hello.message, outcome: { status: 'sent', providerRef: 'ref' }, at } });
    for (const [i, id] of ['text', 'receipt', 'split', 'bonus', 'is-gold', 'done'].entries()) step(id, i + 1);

    const [welcome] = journeyResults({ ctx: { db }, input: { programId, since: ago(1) } }).journeys;
    expect(welcome).toMatchObject({ journeyId: 'journey-welcome', runs: { started: 1, running: 0, completed: 1, failed: 0 }, messages: { sent: 1, queued: 1, skipped: 1, failed: 0 } });
    expect(welcome!.reasons).toEqual([{ status: 'skipped', reason: expect.stringMatching(/agreed to text messages|no phone/) as string, count: 1 }]);
    expect(welcome!.variants).toEqual([{ variant: expect.stringMatching(/^[AB]$/) as string, runs: 1, completed: 1, messagesSent: 1 }]);
  });
});
