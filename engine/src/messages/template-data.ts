import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { rewardRedemptions } from '../db/schema';
import { getMemberStatus } from '../events/get-member-status';
import type { MemberRow } from '../members';
import type { ProgramSpec } from '../spec';

/** The domain event a message answers (a journey's trigger), as the outbox holds it. */
export type MessageEvent = { type: string; at: string; payload: Record<string, unknown> };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const money = (n: number | undefined, currency: string) => (n === undefined ? undefined : `${n.toFixed(2)} ${currency}`);

/**
 * The values a message template can use (see TEMPLATE_VARIABLES): the member, the program, the
 * member's points and tier as of `at`, and the event that started the journey. Values the
 * engine does not know are left out, so `| default: "..."` fills in.
 * @example messageTemplateData(db, spec, member, event, '2025-06-14T10:00:00Z').points.balance // 1200
 */
export function messageTemplateData(tx: DbTx, spec: ProgramSpec, member: MemberRow, event: MessageEvent | undefined, at: string): Record<string, unknown> {
  const status = getMemberStatus({ ctx: { db: tx }, input: { programId: member.programId, memberId: member.id, asOf: at } });
  const p = spec.program;
  const tierName = (id: unknown) => spec.tiers.find((t) => t.id === id)?.name;
  const payload = event?.payload ?? {};
  // A reminder before points expire speaks of the announced date; other messages of the next one.
  const expiring =
    event?.type === 'points-expiring' && typeof payload.expiresAt === 'string' ? { points: num(payload.points), date: payload.expiresAt } : status.balance.expiringSoon[0];
  const redemption = str(payload.redemptionId)
    ? tx.select().from(rewardRedemptions).where(eq(rewardRedemptions.id, String(payload.redemptionId))).get()
    : undefined;
  const rewardId = str(payload.rewardId) ?? redemption?.rewardId;
  return {
    member: {
      firstName: member.firstName ?? undefined,
      lastName: str(member.attributes.lastName),
      memberNumber: member.cardNumber ?? undefined,
      email: member.email ?? undefined,
      joinedOn: member.joinedAt.slice(0, 10),
    },
    program: { name: p.name, pointsName: p.pointsName },
    points: {
      balance: status.balance.available,
      pending: status.balance.pending,
      // A new member's points so far are what signing up earned (a welcome bonus).
      earned: event?.type === 'member-signed-up' ? status.balance.lifetimeEarned : num(payload.points),
      expiring: expiring?.points,
      expiringOn: expiring?.date.slice(0, 10),
      value: money(status.balance.available * p.pointValue, p.currency),
    },
    tier: {
      name: status.tier?.current?.name,
      previousName: event?.type === 'tier-changed' ? tierName(payload.from) : undefined,
      nextName: status.tier?.next?.name,
      toNext: status.tier?.next ? status.tier.remaining : undefined,
    },
    event: event && {
      total: money(num(payload.total), p.currency),
      storeName: str(payload.storeId),
      date: event.at.slice(0, 10),
    },
    reward: rewardId && {
      name: spec.rewards.find((r) => r.id === rewardId)?.name,
      code: redemption?.code ?? undefined,
      expiresOn: redemption?.validUntil?.slice(0, 10),
    },
  };
}
