import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerBalances } from '../db/schema';
import type { FactEvent } from '../rules';
import { evaluate } from '../rules';
import { addDays } from '../ledger';
import { eventFacts } from './event-facts';
import { EventTime, MemberRef, PaymentMethod, PurchaseChannel, PurchaseLine, Ref } from './inputs';
import { listRewards, type RewardOption } from './list-rewards';
import { cashShareBasis, maxPointsPayment } from './points-payments';
import type { EarnedRule } from './process-purchase';
import { activeVersionId, runtimeOfVersion } from './program-runtime';
import { resolveMember } from './resolve-member';
import { loadCounters } from './rule-awards';

export const QuoteBasketInput = z
  .object({
    programId: z.string().min(1),
    storeId: Ref,
    member: MemberRef.optional(),
    occurredAt: EventTime.optional().describe('Time to quote for; now when absent'),
    channel: PurchaseChannel.default('store'),
    paymentMethod: PaymentMethod.optional(),
    couponCode: z.string().trim().min(1).max(50).optional(),
    total: z.number().min(0).max(10_000_000).optional(),
    paidWithPoints: z.number().min(0).max(10_000_000).optional().describe('Money the member means to pay with points; the quote earns on the rest only, as the purchase will'),
    items: z.array(PurchaseLine).min(1).max(500),
  })
  .refine((p) => new Set(p.items.map((i) => i.ref)).size === p.items.length, { error: 'line refs must be unique within a basket', path: ['items'] });
export type QuoteBasketInput = z.input<typeof QuoteBasketInput>;

export type BasketQuote = {
  memberId: string | null;
  identified: 'member' | 'unknown' | 'none';
  versionId: string;
  points: number;
  tierMultiplier: number;
  rules: EarnedRule[];
  availableAt: string | null;
  balance: { available: number; pending: number } | null;
  rewards: RewardOption[];
  /** The most the member can pay with points on this basket (0 when they cannot); null for non-members. */
  pointsPayment: { maxAmount: number; maxPoints: number } | null;
};

/**
 * What a basket would earn for this member right now (same version, caps and aggregates as
 * posting it) and which rewards they could redeem on it, and the most they could pay with points.
 * With `paidWithPoints` it earns on the share paid in money, as the purchase with that points
 * payment will. No side effects: it only reads.
 * @example quoteBasket({ ctx: { db }, input: { programId, storeId: 'web', member: { email }, items } }).points
 */
export function quoteBasket({ ctx, input }: { ctx: { db: DbTx }; input: QuoteBasketInput }): BasketQuote {
  const req = QuoteBasketInput.parse(input);
  const tx = ctx.db;
  const member = resolveMember(tx, req.programId, req.member);
  const versionId = activeVersionId(tx, req.programId, member?.id);
  const runtime = runtimeOfVersion(tx, versionId);
  const at = req.occurredAt ? Date.parse(req.occurredAt) : Date.now();
  const total = req.total ?? Math.round(req.items.reduce((s, i) => s + i.price * i.quantity, 0) * 100) / 100;
  const identified = member ? 'member' : req.member && (req.member.memberId || req.member.cardNumber || req.member.phone || req.member.email) ? 'unknown' : 'none';
  if (!member || member.status !== 'active') {
    return { memberId: member?.id ?? null, identified, versionId, points: 0, tierMultiplier: 1, rules: [], availableAt: null, balance: null, rewards: [], pointsPayment: null };
  }
  const event: FactEvent = {
    kind: 'purchase',
    at,
    total,
    channel: req.channel,
    storeId: req.storeId,
    paymentMethod: req.paymentMethod,
    couponCode: req.couponCode,
  };
  const earning = cashShareBasis(req.items.map((i) => ({ ...i })), total, Math.min(req.paidWithPoints ?? 0, total));
  const earningEvent = { ...event, total: earning.total };
  const facts = eventFacts(tx, runtime, member, earningEvent, earning.items);
  const counters = loadCounters(tx, req.programId, member, runtime.compiled, earningEvent, runtime.compiled.windowsAt(at));
  const result = evaluate(runtime.compiled, facts, counters);
  const b = tx.select().from(ledgerBalances).where(eq(ledgerBalances.memberId, member.id)).get();
  const pendingDays = runtime.spec.pointsLifecycle.pendingDays;
  const payable = maxPointsPayment(runtime.spec, { basketTotal: total, available: b?.available ?? 0 });
  return {
    memberId: member.id,
    identified,
    versionId,
    points: result.points,
    tierMultiplier: result.tierMultiplier,
    rules: result.lines.filter((l) => l.points > 0).map((l) => ({ ruleId: l.ruleId, ruleName: l.ruleName, points: l.points, perLine: l.perItem ?? [] })),
    availableAt: result.points > 0 && pendingDays > 0 ? addDays(new Date(at).toISOString(), pendingDays) : null,
    balance: { available: b?.available ?? 0, pending: b?.pending ?? 0 },
    rewards: listRewards(tx, runtime, member, { at, basketTotal: total, storeId: req.storeId }),
    pointsPayment: { maxAmount: payable.amount, maxPoints: payable.points },
  };
}
