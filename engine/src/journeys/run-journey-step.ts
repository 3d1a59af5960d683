import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbTx } from '../db';
import { journeyRuns, outbox } from '../db/schema';
import { runtimeOfVersion, type ProgramRuntime } from '../events/program-runtime';
import { postEarn } from '../ledger/post-earn';
import { Timestamp, WRITE_TRANSACTION } from '../ledger/common-input';
import { memberById, survivor, type MemberRow } from '../members';
import { chooseVariant, renderMessage } from '../messages/render-message';
import { messageTemplateData, type MessageEvent } from '../messages/template-data';
import type { Journey, JourneyEvent, JourneyStep } from '../spec';
import { messageRecorded, messagesSince, recordMessage, type MessageDraft } from './message-log';
import { memberMatches } from './member-condition';
import { frequencyCapReason, quietMinutesLeft, recipientFor } from './send-policy';
import { pickVariant } from './split';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const JourneyStepInput = z.object({
  runId: z.string().min(1),
  stepId: z.string().min(1),
  /** How many steps the run took before this one: keys the step's sends and awards. */
  seq: z.number().int().min(0),
  /** The run's clock (the workflow's time), so retries and replays decide the same way. */
  at: Timestamp,
});
export type JourneyStepInput = z.input<typeof JourneyStepInput>;

/** What the workflow does after a step. */
export type StepOutcome =
  | { kind: 'next'; next: string }
  /** A `wait` step, or a send held back by quiet hours (`next` is the same step then). */
  | { kind: 'sleep'; ms: number; next: string }
  | { kind: 'wait-event'; event: JourneyEvent; eventName?: string | undefined; timeoutMs: number; next: string; timeoutNext: string }
  | { kind: 'wait-condition'; timeoutMs: number; next: string; timeoutNext: string }
  /** A message to hand to its channel; the caller records the outcome with `recordMessage`. */
  | { kind: 'deliver'; message: MessageDraft; next: string }
  | { kind: 'end' };

type Loaded = { run: typeof journeyRuns.$inferSelect; runtime: ProgramRuntime; journey: Journey; step: JourneyStep; member: MemberRow };

function load(tx: DbTx, runId: string, stepId: string): Loaded | { ended: string } {
  const run = tx.select().from(journeyRuns).where(eq(journeyRuns.id, runId)).get();
  if (!run) throw new Error(`journey run ${runId} does not exist`);
  if (run.status !== 'running') return { ended: run.status };
  const runtime = runtimeOfVersion(tx, run.versionId);
  const journey = runtime.spec.journeys.find((j) => j.id === run.journeyId);
  const step = journey?.steps.find((s) => s.id === stepId);
  if (!journey || !step) throw new Error(`journey ${run.journeyId} of version ${run.versionId} has no step ${stepId}`);
  const found = memberById(tx, run.memberId);
  if (!found) throw new Error(`member of journey run ${runId} does not exist`);
  return { run, runtime, journey, step, member: survivor(tx, found) };
}

/**
 * Runs one step of a journey run for the workflow and says what comes next: branches and splits
 * are decided, awards booked (once per run and step number), sends prepared, with consent, quiet
 * hours and the frequency cap applied; messages that will not go out are recorded with the reason.
 * @example runJourneyStep({ ctx: { db }, input: { runId, stepId: 'send-welcome', seq: 0, at } }) // { kind: 'deliver', message, next: 'done' }
 */
export function runJourneyStep({ ctx, input }: { ctx: { db: Db }; input: JourneyStepInput }): StepOutcome {
  const req = JourneyStepInput.parse(input);
  return ctx.db.transaction((tx) => {
    const loaded = load(tx, req.runId, req.stepId);
    if ('ended' in loaded) return { kind: 'end' };
    const { run, runtime, step, member } = loaded;
    tx.update(journeyRuns).set({ stepId: step.id, updatedAt: req.at }).where(eq(journeyRuns.id, run.id)).run();
    if (member.status !== 'active') {
      endRun(tx, run.id, 'failed', req.at, member.status === 'blocked' ? 'The member is blocked.' : 'The member no longer exists.');
      return { kind: 'end' };
    }
    const at = Date.parse(req.at);
    switch (step.kind) {
      case 'exit':
        endRun(tx, run.id, 'completed', req.at);
        return { kind: 'end' };
      case 'wait':
        return { kind: 'sleep', ms: step.days * DAY_MS + step.hours * HOUR_MS, next: step.next };
      case 'wait-until': {
        const timeoutMs = step.timeoutDays * DAY_MS;
        if (step.until.kind === 'event') return { kind: 'wait-event', event: step.until.event, eventName: step.until.eventName, timeoutMs, next: step.next, timeoutNext: step.timeoutNext };
        if (memberMatches(tx, runtime, member, step.until.condition, at)) return { kind: 'next', next: step.next };
        return { kind: 'wait-condition', timeoutMs, next: step.next, timeoutNext: step.timeoutNext };
      }
      case 'branch':
        return { kind: 'next', next: memberMatches(tx, runtime, member, step.condition, at) ? step.then : step.else };
      case 'split': {
        const variant = pickVariant(run.id, step.id, step.variants);
        tx.update(journeyRuns).set({ variant: variant.name }).where(eq(journeyRuns.id, run.id)).run();
        return { kind: 'next', next: variant.next };
      }
      case 'award':
        // Points the program gives, like an earning rule's: issued by the run's version, available
        // at once (no purchase to return) and expiring by the program's policy.
        postEarn({
          ctx: { db: tx },
          input: {
            transactionId: `${run.id}:${req.seq}:award`,
            programId: run.programId,
            memberId: member.id,
            points: step.points,
            programVersionId: run.versionId,
            sourceRef: `journey:${run.journeyId}/step:${step.id}`,
            reason: step.reason,
            occurredAt: req.at,
            expiry: runtime.spec.pointsLifecycle.expiry,
          },
        });
        return { kind: 'next', next: step.next };
      case 'send':
        return prepareSend(tx, loaded, step, req);
    }
  }, WRITE_TRANSACTION);
}

function prepareSend(tx: DbTx, { run, runtime, member }: Loaded, step: Extract<JourneyStep, { kind: 'send' }>, req: z.infer<typeof JourneyStepInput>): StepOutcome {
  const id = `${run.id}:${req.seq}`;
  if (messageRecorded(tx, id)) return { kind: 'next', next: step.next };
  const { spec } = runtime;
  const template = spec.messages.find((m) => m.id === step.messageId);
  if (!template) throw new Error(`version ${run.versionId} has no message ${step.messageId}`);
  const draft: MessageDraft = {
    id,
    programId: run.programId,
    memberId: member.id,
    runId: run.id,
    versionId: run.versionId,
    journeyId: run.journeyId,
    stepId: step.id,
    templateId: template.id,
    channel: template.channel,
    locale: null,
    to: null,
    subject: null,
    body: null,
  };
  const settings = spec.communication;
  const recipient = recipientFor(template.channel, settings, member);
  const cap = settings.frequencyCap;
  const skip = 'skip' in recipient ? recipient.skip : cap && frequencyCapReason(cap, messagesSince(tx, member.id, new Date(Date.parse(req.at) - cap.perDays * DAY_MS).toISOString()));
  if (skip) {
    recordMessage(tx, draft, { status: 'skipped', reason: skip }, req.at);
    return { kind: 'next', next: step.next };
  }
  if (template.channel !== 'receipt') {
    const quiet = quietMinutesLeft(settings.quietHours, runtime.compiled.clock(Date.parse(req.at)).minutes);
    if (quiet > 0) return { kind: 'sleep', ms: quiet * 60_000, next: step.id };
  }
  const variant = chooseVariant(template, member.locale, spec.program.defaultLocale);
  let rendered: ReturnType<typeof renderMessage>;
  try {
    rendered = renderMessage(variant, messageTemplateData(tx, spec, member, triggerEvent(tx, run.triggerEventId), req.at));
  } catch (error) {
    const reason = `The message text could not be filled in: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    recordMessage(tx, { ...draft, locale: variant.locale }, { status: 'failed', reason }, req.at);
    return { kind: 'next', next: step.next };
  }
  const message = { ...draft, ...rendered, to: 'to' in recipient ? recipient.to : null };
  if (template.channel === 'receipt') {
    recordMessage(tx, message, { status: 'queued', reason: 'Printed on the member’s next till receipt.' }, req.at);
    return { kind: 'next', next: step.next };
  }
  return { kind: 'deliver', message, next: step.next };
}

function triggerEvent(tx: DbTx, outboxId: string): MessageEvent | undefined {
  const row = tx.select({ type: outbox.type, at: outbox.createdAt, payload: outbox.payload }).from(outbox).where(eq(outbox.id, outboxId)).get();
  return row ?? undefined;
}

function endRun(tx: DbTx, runId: string, status: 'completed' | 'failed', at: string, error?: string): void {
  tx.update(journeyRuns).set({ status, endedAt: at, updatedAt: at, error: error ?? null }).where(eq(journeyRuns.id, runId)).run();
}

/**
 * Whether a run waiting until a condition holds can move on now.
 * @example journeyConditionHolds({ ctx: { db }, input: { runId, stepId: 'wait-gold', seq: 3, at } }) // false
 */
export function journeyConditionHolds({ ctx, input }: { ctx: { db: Db }; input: JourneyStepInput }): boolean {
  const req = JourneyStepInput.parse(input);
  const loaded = load(ctx.db, req.runId, req.stepId);
  if ('ended' in loaded || loaded.step.kind !== 'wait-until' || loaded.step.until.kind !== 'condition') return false;
  return memberMatches(ctx.db, loaded.runtime, loaded.member, loaded.step.until.condition, Date.parse(req.at));
}

/**
 * Ends a run from outside its steps: a workflow that failed, or one that ran too many steps.
 * @example endJourneyRun({ ctx: { db }, input: { runId, status: 'failed', at, error: 'The journey ran 1000 steps without an end.' } })
 */
export function endJourneyRun({ ctx, input }: { ctx: { db: Db }; input: { runId: string; status: 'completed' | 'failed'; at: string; error?: string } }): void {
  ctx.db.transaction((tx) => endRun(tx, input.runId, input.status, input.at, input.error), WRITE_TRANSACTION);
}

/**
 * Records what became of a delivered message (see `recordMessage`).
 * @example recordDelivery({ ctx: { db }, input: { message, outcome: { status: 'sent', providerRef }, at } })
 */
export function recordDelivery({ ctx, input }: { ctx: { db: Db }; input: { message: MessageDraft; outcome: Parameters<typeof recordMessage>[2]; at: string } }): void {
  ctx.db.transaction((tx) => recordMessage(tx, input.message, input.outcome, input.at), WRITE_TRANSACTION);
}
