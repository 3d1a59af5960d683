import type { ProgramSpec } from '../spec';
import { monthLabel } from './calendar';
import type { ReplayEngine } from './replay-engine';

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Points and money of one month, for charts. `outstanding` and `tiers` are month-end values. */
export interface MonthFigures {
  month: string;
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
  outstanding: number;
  pending: number;
  /** Outstanding points x pointValue. */
  liability: number;
  redemptions: number;
  purchases: number;
  activeMembers: number;
  members: number;
  /** Members per tier id at month end. */
  tiers: Record<string, number>;
}

/** Points one earning rule gave (gross, before returns) and its share of all rule points. */
export interface RuleContribution {
  ruleId: string;
  name: string;
  points: number;
  share: number;
  /** Events in which the rule gave points. */
  times: number;
}

/** Messages one journey would send. */
export interface JourneyFigures {
  journeyId: string;
  name: string;
  simulated: boolean;
  note?: string;
  entries: number;
  messages: { messageId: string; name: string; channel: string; count: number }[];
  bonusPoints: number;
}

/**
 * What a replay found. Conservation: `opening + issued = redeemed + expired + reversed + outstanding`
 * (points written off by returns were already spent or expired, so they are not in the sum).
 */
export interface SimulationResult {
  dataset: { id: string; name: string };
  program: { name: string; currency: string; pointsName: string; pointValue: number };
  period: { from: string; to: string };
  counts: { members: number; activeMembers: number; joinedMembers: number; events: number; purchases: number; guestPurchases: number; returns: number; signUps: number; custom: number };
  points: { opening: number; issued: number; redeemed: number; expired: number; reversed: number; writtenOff: number; outstanding: number; available: number; pending: number };
  money: {
    memberSpend: number;
    issuedValue: number;
    redeemedValue: number;
    /** Money value of the rewards members took (face value where known, else cost x pointValue). */
    rewardValue: number;
    /** Outstanding points x pointValue: the liability at the end. */
    liability: number;
    /** (redeemed + outstanding) x pointValue per member who had an event. */
    costPerActiveMember: number;
    /** The same per member of the dataset. */
    costPerMember: number;
    /** (redeemed + outstanding) x pointValue / member spend. */
    costShareOfSpend: number;
  };
  /** Expired / issued. */
  breakage: number;
  pointsPerPurchase: number;
  rules: RuleContribution[];
  rewards: { rewardId: string; name: string; redemptions: number; points: number; value: number }[];
  tiers: { ids: string[]; final: Record<string, number>; upgrades: number; downgrades: number };
  months: MonthFigures[];
  journeys: JourneyFigures[];
  messages: number;
}

function tierRecord(ids: string[], counts: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  ids.forEach((id, i) => (out[id] = counts[i] ?? 0));
  return out;
}

/**
 * Reads a finished replay into a `SimulationResult`.
 * @example const result = buildResult(engine, dataset, until);
 */
export function buildResult(r: ReplayEngine, dataset: { id: string; name: string }, until: number): SimulationResult {
  const spec: ProgramSpec = r.spec;
  const pv = spec.program.pointValue;
  const b = r.books;
  const t = r.tally;
  const outstanding = r.lots.totalAvailable + r.lots.totalPending;
  const rulePointsTotal = t.rulePoints.reduce((a, x) => a + x, 0);
  const cost = (b.redeemed + outstanding) * pv;
  const tierIds = spec.tiers.map((x) => x.id);
  const memberPurchases = t.purchases - t.guestPurchases;
  return {
    dataset: { id: dataset.id, name: dataset.name },
    program: { name: spec.program.name, currency: spec.program.currency, pointsName: spec.program.pointsName, pointValue: pv },
    period: { from: new Date(Number.isNaN(r.firstAt) ? until : r.firstAt).toISOString(), to: new Date(until).toISOString() },
    counts: {
      members: r.members.count,
      activeMembers: r.members.active,
      joinedMembers: r.members.joinedCount,
      events: t.events,
      purchases: t.purchases,
      guestPurchases: t.guestPurchases,
      returns: t.returns,
      signUps: t.signUps,
      custom: t.custom,
    },
    points: {
      opening: b.opening,
      issued: b.issued,
      redeemed: b.redeemed,
      expired: b.expired,
      reversed: b.reversed,
      writtenOff: b.writtenOff,
      outstanding,
      available: r.lots.totalAvailable,
      pending: r.lots.totalPending,
    },
    money: {
      memberSpend: round2(t.memberSpend),
      issuedValue: round2(b.issued * pv),
      redeemedValue: round2(b.redeemed * pv),
      rewardValue: round2(b.rewardValue),
      liability: round2(outstanding * pv),
      costPerActiveMember: round2(r.members.active > 0 ? cost / r.members.active : 0),
      costPerMember: round2(r.members.count > 0 ? cost / r.members.count : 0),
      costShareOfSpend: round4(t.memberSpend > 0 ? cost / t.memberSpend : 0),
    },
    breakage: round4(b.issued > 0 ? b.expired / b.issued : 0),
    pointsPerPurchase: round4(memberPurchases > 0 ? rulePointsOf(r, 'purchase') / memberPurchases : 0),
    rules: spec.earningRules.map((rule, i) => ({
      ruleId: rule.id,
      name: rule.name,
      points: t.rulePoints[i] ?? 0,
      share: round4(rulePointsTotal > 0 ? (t.rulePoints[i] ?? 0) / rulePointsTotal : 0),
      times: t.ruleTimes[i] ?? 0,
    })),
    rewards: spec.rewards.map((reward, i) => ({
      rewardId: reward.id,
      name: reward.name,
      redemptions: r.redeemer.counts[i] ?? 0,
      points: r.redeemer.points[i] ?? 0,
      value: round2(r.redeemer.values[i] ?? 0),
    })),
    tiers: { ids: tierIds, final: tierRecord(tierIds, r.tiers.counts), upgrades: r.tiers.upgrades, downgrades: r.tiers.downgrades },
    months: b.months.map((m) => ({
      month: monthLabel(m.key),
      issued: m.issued,
      redeemed: m.redeemed,
      expired: m.expired,
      reversed: m.reversed,
      outstanding: m.outstanding,
      pending: m.pending,
      liability: round2(m.outstanding * pv),
      redemptions: m.redemptions,
      purchases: m.purchases,
      activeMembers: m.activeMembers,
      members: m.members,
      tiers: tierRecord(tierIds, m.tierCounts),
    })),
    journeys: journeyFigures(r),
    messages: r.journeys.journeys.reduce((s, j) => s + j.sends.reduce((a, x) => a + x, 0), 0),
  };
}

/** Points that rules triggered by purchases gave. */
function rulePointsOf(r: ReplayEngine, trigger: string): number {
  let sum = 0;
  r.spec.earningRules.forEach((rule, i) => {
    if (rule.trigger.kind === trigger) sum += r.tally.rulePoints[i] ?? 0;
  });
  return sum;
}

function journeyFigures(r: ReplayEngine): JourneyFigures[] {
  const byMessage = new Map(r.spec.messages.map((m) => [m.id, m]));
  const compiled = new Map(r.journeys.journeys.map((j) => [j.journey.id, j]));
  return r.spec.journeys.map((journey) => {
    const j = compiled.get(journey.id);
    const counts = new Map<string, number>();
    journey.steps.forEach((s, i) => {
      if (s.kind === 'send') counts.set(s.messageId, (counts.get(s.messageId) ?? 0) + (j?.sends[i] ?? 0));
    });
    const simulated = j !== undefined && j.event !== undefined;
    const note = !journey.enabled
      ? 'switched off'
      : !r.options.journeys
        ? 'journeys were not simulated in this run'
        : journey.trigger.kind !== 'event'
          ? `${journey.trigger.kind === 'segment-entry' ? 'segment-entry' : 'scheduled'} journeys are not simulated`
          : undefined;
    return {
      journeyId: journey.id,
      name: journey.name,
      simulated,
      ...(note ? { note } : {}),
      entries: j?.entries ?? 0,
      messages: [...counts].map(([messageId, count]) => ({ messageId, name: byMessage.get(messageId)?.name ?? messageId, channel: byMessage.get(messageId)?.channel ?? 'unknown', count })),
      bonusPoints: j?.awarded ?? 0,
    };
  });
}
