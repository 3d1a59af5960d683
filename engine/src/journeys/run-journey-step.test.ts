import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { journeyRuns, messages } from '../db/schema';
import { enrolMember, getMemberStatus, processPurchase, receiptText } from '../events';
import { activeTemplateProgram } from '../events/test-fixtures';
import { loadTransaction } from '../ledger/ledger-store';
import { writeOutboxEvent } from '../ledger/outbox';
import { tempDatabase } from '../testing/temp-db';
import { collectJourneyWork } from './collect-journey-work';
import { outboxCursor, saveOutboxCursor } from './outbox-feed';
import { recordDelivery, runJourneyStep, type StepOutcome } from './run-journey-step';
import { withWelcomeJourney } from './test-journey';

const { db, cleanup } = tempDatabase('loyalty-journeys-');
afterAll(cleanup);

const NOON = '2026-03-02T12:00:00.000Z';

function signUp(programId: string, name: string, extra: { locale?: string; phone?: string; consents?: { email?: boolean; sms?: boolean } } = {}) {
  return enrolMember({ ctx: { db }, input: { programId, email: `${name}@example.com`, phone: extra.phone, firstName: name, locale: extra.locale, consents: extra.consents ?? { email: true } } }).member;
}

/** Takes everything new in the outbox, as the relay does, and returns the runs to start. */
function collect() {
  const work = collectJourneyWork({ ctx: { db }, input: { afterSeq: outboxCursor(db, 'test') } });
  saveOutboxCursor(db, 'test', work.lastSeq);
  return work;
}

const step = (runId: string, stepId: string, seq: number, at = NOON): StepOutcome => runJourneyStep({ ctx: { db }, input: { runId, stepId, seq, at } });
const messagesOf = (memberId: string) => db.select().from(messages).where(eq(messages.memberId, memberId)).all();

describe('a welcome journey, step by step', () => {
  const { programId, versionId } = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec));

  it('starts reading at the end of the outbox: nothing that happened before greets anyone', () => {
    signUp(programId, 'early');
    expect(collect()).toMatchObject({ starts: [], signals: [] });
  });

  it('starts once per member on sign-up, however often the outbox is read', () => {
    const anna = signUp(programId, 'anna');
    const work = collect();
    const runId = `journey:${programId}:journey-welcome:${anna.id}`;
    expect(work.starts).toEqual([{ runId, entryStepId: 'hello' }]);
    // Read again from the start (a relay that crashed before saving its cursor): the same run, nothing new.
    const again = collectJourneyWork({ ctx: { db }, input: { afterSeq: 0 } });
    expect(again.starts.filter((s) => s.runId === runId)).toHaveLength(1);
    expect(db.select().from(journeyRuns).where(eq(journeyRuns.memberId, anna.id)).all()).toMatchObject([{ status: 'running', stepId: 'hello', journeyId: 'journey-welcome' }]);
  });

  it('sends, skips without consent, queues receipt lines, splits, awards, branches and waits', () => {
    const anna = signUp(programId, 'anna2', { consents: { email: true } });
    const [start] = collect().starts;
    const runId = start!.runId;
    const hello = step(runId, 'hello', 0);
    expect(hello).toMatchObject({ kind: 'deliver', next: 'text', message: { id: `${runId}:0`, channel: 'email', to: 'anna2@example.com', subject: 'Welcome to Meridian Style Club', locale: 'en' } });
    if (hello.kind !== 'deliver') throw new Error('expected a delivery');
    expect(hello.message.body).toMatch(/^Hi anna2, you have \d+ Points\.$/);
    recordDelivery({ ctx: { db }, input: { message: hello.message, outcome: { status: 'sent', providerRef: '<x@example.com>' }, at: NOON } });
    // A retried step finds its message and does not send it again.
    expect(step(runId, 'hello', 0)).toEqual({ kind: 'next', next: 'text' });

    expect(step(runId, 'text', 1)).toEqual({ kind: 'next', next: 'receipt' });
    expect(step(runId, 'receipt', 2)).toEqual({ kind: 'next', next: 'split' });
    expect(messagesOf(anna.id).map((m) => [m.stepId, m.status, m.reason])).toEqual([
      ['hello', 'sent', null],
      ['text', 'skipped', 'The member has not agreed to text messages.'],
      ['receipt', 'queued', 'Printed on the member’s next till receipt.'],
    ]);

    expect(step(runId, 'split', 3)).toEqual({ kind: 'next', next: 'bonus' });
    expect(db.select().from(journeyRuns).where(eq(journeyRuns.id, runId)).get()?.variant).toMatch(/^[AB]$/);
    const before = getMemberStatus({ ctx: { db }, input: { programId, memberId: anna.id } }).balance.available;
    expect(step(runId, 'bonus', 4)).toEqual({ kind: 'next', next: 'is-gold' });
    expect(step(runId, 'bonus', 4)).toEqual({ kind: 'next', next: 'is-gold' }); // a retry books nothing twice
    expect(getMemberStatus({ ctx: { db }, input: { programId, memberId: anna.id } }).balance.available).toBe(before + 50);
    // Issued by the program (counted in points issued per version), not a manual adjustment.
    expect(loadTransaction(db, `${runId}:4:award`)?.transaction).toMatchObject({ kind: 'earn', programVersionId: versionId, reason: 'Welcome bonus', sourceRef: 'journey:journey-welcome/step:bonus' });

    expect(step(runId, 'is-gold', 5)).toEqual({ kind: 'next', next: 'pause' });
    expect(step(runId, 'pause', 6)).toEqual({ kind: 'sleep', ms: 2 * 86_400_000, next: 'first-visit' });
    expect(step(runId, 'first-visit', 7)).toEqual({ kind: 'wait-event', event: 'purchase', eventName: undefined, timeoutMs: 14 * 86_400_000, next: 'done', timeoutNext: 'nudge' });
    expect(step(runId, 'done', 8)).toEqual({ kind: 'end' });
    expect(db.select().from(journeyRuns).where(eq(journeyRuns.id, runId)).get()).toMatchObject({ status: 'completed', stepId: 'done' });
    expect(step(runId, 'hello', 9)).toEqual({ kind: 'end' }); // an ended run does nothing more
  });

  it('prints a queued receipt line on the member’s next purchase receipt, once', () => {
    const bo = signUp(programId, 'bo');
    const runId = collect().starts[0]!.runId;
    step(runId, 'receipt', 0);
    const buy = (receiptNumber: string) =>
      processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber, member: { memberId: bo.id }, items: [{ ref: '1', sku: 'NC-SHIRT', quantity: 1, price: 40 }] } });
    const first = buy('R-1');
    const lines = receiptText({ ctx: { db }, input: { programId, storeId: 'ams', purchaseId: first.purchaseId } }).lines;
    expect(lines.slice(-3)).toEqual(['', 'Welcome, bo! A gift waits at the', 'counter.']); // wrapped to the printer's 40 characters
    expect(messagesOf(bo.id)).toMatchObject([{ status: 'sent', providerRef: `receipt:${first.purchaseId}` }]);
    const second = buy('R-2');
    expect(receiptText({ ctx: { db }, input: { programId, storeId: 'ams', purchaseId: second.purchaseId } }).lines.join('\n')).not.toContain('gift');
  });

  it('signals the member’s running journeys with later events', () => {
    const cy = signUp(programId, 'cy');
    const runId = collect().starts[0]!.runId;
    processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: 'R-cy', member: { memberId: cy.id }, items: [{ ref: '1', sku: 'NC-SHIRT', quantity: 1, price: 40 }] } });
    expect(collect().signals.filter((s) => s.runId === runId).map((s) => s.occurrence.event)).toContain('purchase');
  });

  it('writes in the member’s language', () => {
    const de = signUp(programId, 'dora', { locale: 'de' });
    const outcome = step(collect().starts[0]!.runId, 'hello', 0);
    expect(outcome).toMatchObject({ kind: 'deliver', message: { locale: 'de', subject: 'Willkommen bei Meridian Style Club', body: 'Hallo dora!' } });
    expect(de.locale).toBe('de');
  });
});

describe('reminders before points expire', () => {
  const { programId, versionId } = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec));

  it('start daysBefore the announced expiry date and speak of that date', () => {
    const fay = signUp(programId, 'fay');
    collect();
    const announce = (expiresAt: string, at: string) =>
      writeOutboxEvent(db, { id: `${fay.id}:points-expiring:${expiresAt}`, type: 'points-expiring', programId, memberId: fay.id, payload: { points: 120, expiresAt }, at });
    announce('2026-06-30T00:00:00.000Z', '2026-05-01T10:00:00.000Z');
    announce('2026-05-10T00:00:00.000Z', '2026-05-01T10:00:00.000Z'); // announced late: at once
    announce('2026-04-01T00:00:00.000Z', '2026-05-01T10:00:00.000Z'); // expired before it was announced: nothing
    const starts = collect().starts;
    expect(starts.map((s) => s.notBefore)).toEqual(['2026-05-31T00:00:00.000Z', '2026-05-01T10:00:00.000Z']);
    expect(step(starts[0]!.runId, 'remind', 0, '2026-05-31T08:00:00.000Z')).toMatchObject({ kind: 'deliver', message: { body: '120 points expire on 2026-06-30.' } });
  });
});

describe('program rules for messages', () => {
  it('holds messages in quiet hours (program time zone) and stops those over the frequency cap', () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec, { quietHours: { start: '21:00', end: '08:00' }, frequencyCap: { maxMessages: 1, perDays: 7 } }));
    const eve = signUp(programId, 'eve', { phone: '+31612345679', consents: { email: true, sms: true } });
    const runId = collect().starts[0]!.runId;
    // 22:30 in Amsterdam (UTC+1 in March): 9.5 hours to 08:00, then the same step again.
    expect(step(runId, 'hello', 0, '2026-03-02T21:30:00.000Z')).toEqual({ kind: 'sleep', ms: 570 * 60_000, next: 'hello' });
    const hello = step(runId, 'hello', 1, '2026-03-03T07:00:00.000Z');
    if (hello.kind !== 'deliver') throw new Error('expected a delivery');
    recordDelivery({ ctx: { db }, input: { message: hello.message, outcome: { status: 'sent', providerRef: 'p' }, at: '2026-03-03T07:00:00.000Z' } });
    expect(step(runId, 'text', 2, '2026-03-03T07:05:00.000Z')).toEqual({ kind: 'next', next: 'receipt' });
    expect(messagesOf(eve.id).at(-1)).toMatchObject({ stepId: 'text', status: 'skipped', reason: 'The member already got 1 messages in the last 7 days (the most the program allows).' });
  });
});
