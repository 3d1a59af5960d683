import { timeOrderedId } from '../ids';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { memberEvents } from '../db/schema';
import { DomainError } from '../errors';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import type { FactEvent } from '../rules';
import { bookEarning } from './book-earning';
import { writeEvent } from './domain-events';
import { eventFacts } from './event-facts';
import { EventTime, MemberRef, notInFuture, Ref } from './inputs';
import { upgradeAfterActivity } from './member-tier';
import type { EarnedRule } from './process-purchase';
import { activeVersionId, runtimeOfVersion } from './program-runtime';
import { resolveMember } from './resolve-member';

/** Kinds of non-purchase event (the spec's triggers other than purchase). */
export const CustomEventKind = z.enum(['sign-up', 'profile-completed', 'referral', 'birthday', 'custom']);
export type CustomEventKind = z.infer<typeof CustomEventKind>;

export const ProcessCustomEventInput = z
  .object({
    programId: z.string().min(1),
    member: MemberRef,
    kind: CustomEventKind,
    name: z
      .string()
      .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, { error: 'use a simple event name like app-review' })
      .optional()
      .describe('Name of a custom event (kind "custom"), as in the rules'),
    eventRef: Ref.describe("The caller's unique reference; the same event is never booked twice"),
    occurredAt: EventTime.optional(),
    referralCount: z.number().int().min(0).max(100_000).optional().describe('Friends referred so far (referral events)'),
  })
  .refine((e) => (e.kind === 'custom') === (e.name !== undefined), { error: 'give a name for custom events, and only for them', path: ['name'] })
  .refine((e) => notInFuture(e.occurredAt), { error: 'occurredAt is in the future', path: ['occurredAt'] });
export type ProcessCustomEventInput = z.input<typeof ProcessCustomEventInput>;

export type CustomEventResult = {
  eventId: string;
  memberId: string;
  versionId: string;
  kind: CustomEventKind;
  name: string | null;
  points: number;
  earnTransactionId: string | null;
  rules: EarnedRule[];
  tierChange: { from: string | null; to: string } | null;
};

/**
 * Books a sign-up, profile-completed, referral, birthday or custom named event: evaluates the
 * rules with that trigger for the member's version and posts what they give (available at once:
 * there is nothing to return), with caps such as "once per member" enforced from stored awards.
 * One BEGIN IMMEDIATE transaction; a repeated `eventRef` is a conflict naming the first event.
 * @example processCustomEvent({ ctx: { db }, input: { programId, member: { memberId }, kind: 'custom', name: 'app-review', eventRef: 'review-881' } })
 */
export function processCustomEvent({ ctx, input }: { ctx: { db: DbTx }; input: ProcessCustomEventInput }): CustomEventResult {
  const req = ProcessCustomEventInput.parse(input);
  return ctx.db.transaction((tx) => {
    const existing = tx.select({ id: memberEvents.id }).from(memberEvents).where(and(eq(memberEvents.programId, req.programId), eq(memberEvents.eventRef, req.eventRef))).get();
    if (existing) {
      throw new DomainError('conflict', `Event '${req.eventRef}' was already booked as event '${existing.id}'; use a new eventRef for a new event.`, { eventId: existing.id });
    }
    const member = resolveMember(tx, req.programId, req.member);
    if (!member) throw new DomainError('not_found', 'No member matches this card number, phone or email; sign the member up first.');
    if (member.status !== 'active') throw new DomainError('unprocessable', `Member '${member.id}' is ${member.status}; events cannot earn points for them.`);
    const versionId = activeVersionId(tx, req.programId, member.id);
    const runtime = runtimeOfVersion(tx, versionId);
    const occurredAt = req.occurredAt ?? new Date().toISOString();
    const at = Date.parse(occurredAt);
    const id = timeOrderedId();
    const event: FactEvent = { kind: req.kind, name: req.name, at, referralCount: req.referralCount };
    const booked = bookEarning(tx, {
      runtime,
      member,
      facts: eventFacts(tx, runtime, member, event, [], runtime.compiled.earningAggregates),
      source: { kind: 'event', id, purchaseId: null },
      transactionId: `event:${id}`,
      pendingDays: 0,
      occurredAt,
      metadata: { kind: req.kind, name: req.name ?? null, eventRef: req.eventRef },
    });
    const points = booked.result.points;
    const earnTransactionId = booked.posted?.transaction.id ?? null;
    tx.insert(memberEvents)
      .values({ id, programId: req.programId, memberId: member.id, kind: req.kind, name: req.name ?? null, eventRef: req.eventRef, versionId, occurredAt, localDate: booked.windows.day, points, earnTransactionId })
      .run();
    const tierChange = upgradeAfterActivity(tx, { spec: runtime.spec, member, localDate: booked.windows.day, at: occurredAt }) ?? null;
    writeEvent(tx, {
      id: `${id}:member-event-recorded`,
      type: 'member-event-recorded',
      programId: req.programId,
      memberId: member.id,
      payload: { eventId: id, kind: req.kind, name: req.name ?? null, points, versionId },
      at: occurredAt,
    });
    return {
      eventId: id,
      memberId: member.id,
      versionId,
      kind: req.kind,
      name: req.name ?? null,
      points,
      earnTransactionId,
      rules: booked.result.lines.filter((l) => l.points > 0).map((l) => ({ ruleId: l.ruleId, ruleName: l.ruleName, points: l.points, perLine: l.perItem ?? [] })),
      tierChange,
    };
  }, WRITE_TRANSACTION);
}
