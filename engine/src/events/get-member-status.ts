import { z } from 'zod';
import type { DbTx } from '../db';
import { getBalance, type DatedPoints } from '../ledger';
import { qualificationWindow, tierProgress } from '../rules';
import type { TierPolicy } from '../spec';
import { qualificationValue } from './member-tier';
import { runtimeFor } from './program-runtime';
import { requireProgramMember } from './resolve-member';

export const GetMemberStatusInput = z.object({
  programId: z.string().min(1),
  memberId: z.string().min(1),
  asOf: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional(),
  expiringWithinDays: z.number().int().min(1).max(365).default(30),
});
export type GetMemberStatusInput = z.input<typeof GetMemberStatusInput>;

type TierRef = { id: string; name: string; threshold: number };

export type MemberStatus = {
  memberId: string;
  pointsName: string;
  currency: string;
  balance: { available: number; pending: number; held: number; reserved: number; lifetimeEarned: number; expiringSoon: DatedPoints[]; becomingAvailable: DatedPoints[] };
  /** Null when the program has no tiers. */
  tier: {
    current: TierRef | null;
    next: TierRef | null;
    metric: TierPolicy['metric'];
    /** The metric in the current qualification window. */
    value: number;
    /** Still needed for the next tier (0 at the top). */
    remaining: number;
    /** Still needed to qualify again for the current tier. */
    toKeep: number;
    window: { from: string; to: string };
  } | null;
};

const ref = (t: { id: string; name: string; threshold: number } | undefined): TierRef | null => (t ? { id: t.id, name: t.name, threshold: t.threshold } : null);

/**
 * A member's balance (available, pending with the date it becomes available, points expiring
 * soon with their dates) and tier with progress to the next, under the member's version. Reads only.
 * @example getMemberStatus({ ctx: { db }, input: { programId, memberId } }).tier?.remaining // 472
 */
export function getMemberStatus({ ctx, input }: { ctx: { db: DbTx }; input: GetMemberStatusInput }): MemberStatus {
  const req = GetMemberStatusInput.parse(input);
  const member = requireProgramMember(ctx.db, req.programId, req.memberId);
  const runtime = runtimeFor(ctx.db, req.programId, member.id);
  const { spec } = runtime;
  const asOf = req.asOf ?? new Date().toISOString();
  const b = getBalance({ ctx, input: { programId: req.programId, memberId: member.id, asOf, expiringWithinDays: req.expiringWithinDays, expiry: spec.pointsLifecycle.expiry } });
  let tier: MemberStatus['tier'] = null;
  if (spec.tiers.length > 0) {
    const today = runtime.compiled.windowsAt(Date.parse(asOf)).day;
    const value = qualificationValue(ctx.db, spec, member, today);
    const p = tierProgress(spec.tiers, value, member.currentTierId ?? undefined);
    tier = { current: ref(p.current), next: ref(p.next), metric: spec.tierPolicy.metric, value, remaining: p.remaining, toKeep: p.toKeep, window: qualificationWindow(spec.tierPolicy.window, today) };
  }
  return {
    memberId: member.id,
    pointsName: spec.program.pointsName,
    currency: spec.program.currency,
    balance: { available: b.available, pending: b.pending, held: b.held, reserved: b.reserved, lifetimeEarned: b.lifetimeEarned, expiringSoon: b.expiringSoon, becomingAvailable: b.becomingAvailable },
    tier,
  };
}
