import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerBalances, ledgerLots } from '../db/schema';
import { Expiry } from '../spec';
import { EntityId, nowIso, Timestamp } from './common-input';
import { addDays, addMonths } from './expiry-dates';
import { requireMember } from './ledger-store';

export const GetBalanceInput = z.object({
  programId: EntityId,
  memberId: EntityId,
  asOf: Timestamp.optional(),
  /** Points expiring within this many days are listed with their dates. */
  expiringWithinDays: z.number().int().min(1).max(3650).default(30),
  /** The program's policy; needed to foresee inactivity expiry, which has no date per lot. */
  expiry: Expiry.optional(),
});
export type GetBalanceInput = z.input<typeof GetBalanceInput>;

export type DatedPoints = { date: string; points: number };

export type MemberBalance = {
  memberId: string;
  available: number;
  /** Includes `held`. */
  pending: number;
  /** Pending points held for fraud review: they become available only when a reviewer releases them. */
  held: number;
  reserved: number;
  lifetimeEarned: number;
  lifetimeRedeemed: number;
  lifetimeExpired: number;
  lastActivityAt: string | null;
  /** Available points that expire within the window, grouped by date, soonest first. */
  expiringSoon: DatedPoints[];
  /** Pending points and when they become available, soonest first. */
  becomingAvailable: DatedPoints[];
};

/**
 * A member's balance from the projection, plus what expires soon and what becomes available.
 * @example getBalance({ ctx: { db }, input: { programId, memberId, expiringWithinDays: 30 } }).expiringSoon
 * // [{ date: '2025-04-01T00:00:00.000Z', points: 120 }]
 */
export function getBalance({ ctx, input }: { ctx: { db: DbTx }; input: GetBalanceInput }): MemberBalance {
  const req = GetBalanceInput.parse(input);
  const at = req.asOf ?? nowIso();
  const horizon = addDays(at, req.expiringWithinDays);
  requireMember(ctx.db, req.programId, req.memberId, { allow: 'any' });
  const b = ctx.db.select().from(ledgerBalances).where(eq(ledgerBalances.memberId, req.memberId)).get();
  const lots = ctx.db
    .select()
    .from(ledgerLots)
    .where(and(eq(ledgerLots.memberId, req.memberId), inArray(ledgerLots.status, ['pending', 'available', 'held'])))
    .all()
    .filter((l) => l.remaining > 0);
  const expiring = new Map<string, number>();
  const inactivityDate =
    req.expiry?.kind === 'inactivity' && b?.lastActivityAt ? addMonths(b.lastActivityAt, req.expiry.months) : null;
  for (const l of lots) {
    if (l.status !== 'available') continue;
    const date = [l.expiresAt, inactivityDate].filter((d): d is string => d !== null).sort()[0];
    if (date && date <= horizon) expiring.set(date, (expiring.get(date) ?? 0) + l.remaining);
  }
  const becoming = new Map<string, number>();
  for (const l of lots) {
    if (l.status === 'pending') becoming.set(l.availableAt, (becoming.get(l.availableAt) ?? 0) + l.remaining);
  }
  const dated = (m: Map<string, number>) =>
    [...m].map(([date, points]) => ({ date, points })).sort((x, y) => x.date.localeCompare(y.date));
  return {
    memberId: req.memberId,
    available: b?.available ?? 0,
    pending: b?.pending ?? 0,
    held: lots.reduce((sum, l) => sum + (l.status === 'held' ? l.remaining : 0), 0),
    reserved: b?.reserved ?? 0,
    lifetimeEarned: b?.lifetimeEarned ?? 0,
    lifetimeRedeemed: b?.lifetimeRedeemed ?? 0,
    lifetimeExpired: b?.lifetimeExpired ?? 0,
    lastActivityAt: b?.lastActivityAt ?? null,
    expiringSoon: dated(expiring),
    becomingAvailable: dated(becoming),
  };
}
