import { z } from 'zod';
import type { DbTx } from '../db';
import { Expiry } from '../spec';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Points, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import type { MemberRow } from '../members/member-store';
import { checkMember, requireMember, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planEarn } from './plan-earn';

export const PostEarnInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  memberId: EntityId,
  points: Points,
  /** The program version whose rules computed the points. */
  programVersionId: EntityId.nullable().default(null),
  sourceRef: z.string().max(200).nullable().default(null).describe('e.g. purchase:4711/line:2'),
  reason: z.string().trim().max(500).nullable().default(null).describe('Why the points were given, shown in the points history (e.g. a journey bonus)'),
  occurredAt: Timestamp.optional(),
  pendingDays: z.number().int().min(0).max(365).default(0),
  expiry: Expiry.default({ kind: 'none' }),
  metadata: Metadata,
});
export type PostEarnInput = z.input<typeof PostEarnInput>;

export type PostEarnRequest = z.output<typeof PostEarnInput>;

/**
 * Books earned points as one new lot (pending first when the program has a return window)
 * and writes a `points-earned` event, in one SQLite transaction. Idempotent on `transactionId`.
 * @example postEarn({ ctx: { db }, input: { transactionId: 'purchase-4711', programId, memberId, points: 50, pendingDays: 14 } })
 */
export function postEarn({ ctx, input }: { ctx: { db: DbTx }; input: PostEarnInput }): PostedTransaction {
  const req = PostEarnInput.parse(input);
  return ctx.db.transaction((tx) => bookEarn(tx, req), WRITE_TRANSACTION);
}

/**
 * `postEarn` inside the caller's transaction. A service booking an event calls it with
 * `forEvent`: the request comes from the program's own evaluation (not from outside, so not
 * parsed again; `occurredAt` as `toISOString` writes it), with the member row it loaded in this
 * transaction (not read again) and a transaction id derived from the event's new id. Such an earn
 * has no earlier booking to replay (the event's own uniqueness keeps it from being booked twice,
 * and the id is the table's key), so nothing is looked up, and its request hash covers what it is
 * for, its source, as those of releases and expiries do.
 * @example bookEarn(tx, { transactionId: `purchase:${id}`, programId, memberId, points, ... }, { member })
 */
export function bookEarn(tx: DbTx, req: PostEarnRequest, forEvent?: { member: MemberRow }): PostedTransaction {
  let hash: string;
  if (forEvent) {
    hash = requestHash('event-earn', { sourceRef: req.sourceRef });
    checkMember(forEvent.member, req.programId, req.memberId, { allow: 'active' });
  } else {
    hash = requestHash('earn', req);
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    requireMember(tx, req.programId, req.memberId, { allow: 'active' });
  }
  const at = req.occurredAt ?? nowIso();
  const plan = planEarn({
    transactionId: req.transactionId,
    memberId: req.memberId,
    points: req.points,
    earnedAt: at,
    pendingDays: req.pendingDays,
    expiry: req.expiry,
  });
  const posted = applyPlan(
    tx,
    {
      id: req.transactionId,
      kind: 'earn',
      programId: req.programId,
      memberId: req.memberId,
      programVersionId: req.programVersionId,
      sourceRef: req.sourceRef,
      reason: req.reason,
      occurredAt: at,
      requestHash: hash,
      metadata: req.metadata,
    },
    plan,
    { activity: true },
  );
  const lot = plan.lots[0]?.op === 'create' ? plan.lots[0].lot : undefined;
  writeOutboxEvent(tx, {
    id: `${req.transactionId}:points-earned`,
    type: 'points-earned',
    programId: req.programId,
    memberId: req.memberId,
    payload: { transactionId: req.transactionId, points: req.points, availableAt: lot?.availableAt, expiresAt: lot?.expiresAt },
  });
  return posted;
}
