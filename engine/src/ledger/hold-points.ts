import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerLots, ledgerTransactions } from '../db/schema';
import { DomainError } from '../errors';
import { applyPlan } from './apply-plan';
import { EntityId, nowIso, Timestamp, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import { loadEarnLot, toLotView, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planHold, planReleaseHold } from './plan-hold';
import { reverseEarn } from './reverse-earn';

export const HoldEarnedPointsInput = z.object({
  programId: EntityId,
  earnTransactionId: EntityId,
  reason: z.string().trim().min(3).max(500),
  /** The fraud rule that asked for the hold, kept on the transaction. */
  ruleId: z.string().max(200).optional(),
  occurredAt: Timestamp.optional(),
});
export type HoldEarnedPointsInput = z.input<typeof HoldEarnedPointsInput>;

/**
 * Holds the points of one earn for review (transaction `hold:<earn>`, at most one per earn):
 * they stay in the member's pending balance, are not released by date, cannot be spent and do
 * not expire until `decideHeldPoints` releases or forfeits them. Undefined when nothing of the
 * earn is left to hold.
 * @example holdEarnedPoints({ ctx: { db: tx }, input: { programId, earnTransactionId: 'purchase:42', reason: '12 purchases within 60 minutes', ruleId: 'fraud-velocity' } })
 */
export function holdEarnedPoints({ ctx, input }: { ctx: { db: DbTx }; input: HoldEarnedPointsInput }): PostedTransaction | undefined {
  const req = HoldEarnedPointsInput.parse(input);
  const transactionId = `hold:${req.earnTransactionId}`;
  const hash = requestHash('hold', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, transactionId, hash);
    if (earlier) return earlier;
    const { earn, lot } = loadEarnLot(tx, req.programId, req.earnTransactionId);
    const plan = planHold(toLotView(lot));
    if (!plan) return undefined;
    const at = req.occurredAt ?? nowIso();
    const posted = applyPlan(tx, {
      id: transactionId,
      kind: 'hold',
      programId: req.programId,
      memberId: lot.memberId,
      programVersionId: earn.programVersionId,
      relatedTransactionId: earn.id,
      sourceRef: earn.sourceRef,
      reason: req.reason,
      occurredAt: at,
      requestHash: hash,
      metadata: { lotId: lot.id, points: lot.remaining, ...(req.ruleId ? { ruleId: req.ruleId } : {}) },
    }, plan);
    writeOutboxEvent(tx, {
      id: `${transactionId}:points-held`,
      type: 'points-held',
      programId: req.programId,
      memberId: lot.memberId,
      payload: { earnTransactionId: earn.id, lotId: lot.id, points: lot.remaining, ruleId: req.ruleId ?? null },
      at,
    });
    return posted;
  }, WRITE_TRANSACTION);
}

export const DecideHeldPointsInput = z.object({
  programId: EntityId,
  earnTransactionId: EntityId,
  decision: z.enum(['release', 'forfeit']),
  reason: z.string().trim().min(3, { error: 'say why the held points are released or forfeited' }).max(500),
  actor: z.string().trim().min(1).max(200),
  occurredAt: Timestamp.optional(),
});
export type DecideHeldPointsInput = z.input<typeof DecideHeldPointsInput>;

/**
 * A reviewer's decision on held points. `release`: the lot carries on as if never held
 * (available when its return window has passed, else pending until then); transaction
 * `release-hold:<earn>`. `forfeit`: the points are reversed like a full return (`forfeit:<earn>`,
 * to `program-returns`, lifetime earned goes down). Either writes `points-hold-released` with the
 * decision. Asking again with the same decision replays; a lot that is not held is refused.
 * @example decideHeldPoints({ ctx: { db }, input: { programId, earnTransactionId: 'purchase:42', decision: 'release', reason: 'Customer bought for a team event', actor: 'ana' } })
 */
export function decideHeldPoints({ ctx, input }: { ctx: { db: DbTx }; input: DecideHeldPointsInput }): PostedTransaction {
  const req = DecideHeldPointsInput.parse(input);
  const kind = req.decision === 'release' ? 'release-hold' : 'forfeit';
  const transactionId = `${kind}:${req.earnTransactionId}`;
  const hash = requestHash(kind, req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, transactionId, hash);
    if (earlier) return earlier;
    const { earn, lot } = loadEarnLot(tx, req.programId, req.earnTransactionId);
    if (lot.status !== 'held') {
      throw new DomainError('unprocessable', `The points of '${earn.id}' are not held (their lot is ${lot.status}); there is nothing to decide.`);
    }
    const at = req.occurredAt ?? nowIso();
    const posted =
      req.decision === 'release'
        ? applyPlan(tx, {
            id: transactionId,
            kind: 'release-hold',
            programId: req.programId,
            memberId: lot.memberId,
            programVersionId: earn.programVersionId,
            relatedTransactionId: earn.id,
            sourceRef: earn.sourceRef,
            actor: req.actor,
            reason: req.reason,
            occurredAt: at,
            requestHash: hash,
            metadata: { lotId: lot.id, points: lot.remaining },
          }, planReleaseHold(toLotView(lot), at))
        : reverseEarn({
            ctx: { db: tx },
            input: { transactionId, programId: req.programId, earnTransactionId: earn.id, sourceRef: 'fraud-review', reason: req.reason, occurredAt: at, metadata: { actor: req.actor } },
          });
    writeOutboxEvent(tx, {
      id: `${transactionId}:points-hold-released`,
      type: 'points-hold-released',
      programId: req.programId,
      memberId: lot.memberId,
      payload: { earnTransactionId: earn.id, lotId: lot.id, points: lot.remaining, decision: req.decision },
      at,
    });
    return posted;
  }, WRITE_TRANSACTION);
}

/** Held points of a program (or one member), oldest first, with why they are held. */
export type HeldPoints = { earnTransactionId: string; memberId: string; lotId: string; points: number; earnedAt: string; heldAt: string; reason: string | null; sourceRef: string | null };

/** @example listHeldPoints(db, { programId, memberId }) // [{ earnTransactionId: 'purchase:42', points: 120, reason: '...' }] */
export function listHeldPoints(db: DbTx, where: { programId: string; memberId?: string }): HeldPoints[] {
  const held = db
    .select()
    .from(ledgerLots)
    .where(and(eq(ledgerLots.programId, where.programId), eq(ledgerLots.status, 'held'), where.memberId ? eq(ledgerLots.memberId, where.memberId) : undefined))
    .all();
  return held
    .map((lot) => {
      // A merged lot continues the earn's lot; the earn is the origin of the first one.
      let origin = lot;
      while (origin.mergedFromLotId) {
        const previous = db.select().from(ledgerLots).where(eq(ledgerLots.id, origin.mergedFromLotId)).get();
        if (!previous) break;
        origin = previous;
      }
      const hold = db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, `hold:${origin.originTransactionId}`)).get();
      return {
        earnTransactionId: origin.originTransactionId,
        memberId: lot.memberId,
        lotId: lot.id,
        points: lot.remaining,
        earnedAt: lot.earnedAt,
        heldAt: hold?.occurredAt ?? lot.earnedAt,
        reason: hold?.reason ?? null,
        sourceRef: hold?.sourceRef ?? null,
      };
    })
    .sort((a, b) => a.heldAt.localeCompare(b.heldAt));
}
