import type { ProgramSpec } from '../spec';
import type { Dataset } from './datasets';
import type { ReplayOptionsInput } from './options';
import { replayMany } from './replay';
import type { SimulationResult } from './result';

/** B minus A for the figures people compare; per rule and per month by id. */
export interface SimulationDeltas {
  points: Record<keyof SimulationResult['points'], number>;
  money: Record<keyof SimulationResult['money'], number>;
  breakage: number;
  pointsPerPurchase: number;
  messages: number;
  /** Per rule id (rules of either version; a rule missing on one side counts as 0 there). */
  rules: Record<string, number>;
  /** Members per tier id at the end. */
  tiers: Record<string, number>;
  months: { month: string; issued: number; redeemed: number; expired: number; outstanding: number; liability: number }[];
}

/** Two versions over the same stream, and how B differs from A. */
export interface Comparison {
  a: SimulationResult;
  b: SimulationResult;
  deltas: SimulationDeltas;
}

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function diff<T extends Record<string, number>>(a: T, b: T): Record<keyof T, number> {
  const out = {} as Record<keyof T, number>;
  for (const k of Object.keys(a) as (keyof T)[]) out[k] = r4((b[k] ?? 0) - (a[k] ?? 0));
  return out;
}

function byKey(keys: Iterable<string>, a: (k: string) => number, b: (k: string) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = r4(b(k) - a(k));
  return out;
}

/**
 * Deltas B - A of two results.
 * @example deltasOf(a, a).points.issued // 0
 */
export function deltasOf(a: SimulationResult, b: SimulationResult): SimulationDeltas {
  const ruleA = new Map(a.rules.map((r) => [r.ruleId, r.points]));
  const ruleB = new Map(b.rules.map((r) => [r.ruleId, r.points]));
  const monthsA = new Map(a.months.map((m) => [m.month, m]));
  const monthsB = new Map(b.months.map((m) => [m.month, m]));
  const months = [...new Set([...monthsA.keys(), ...monthsB.keys()])].sort();
  const zero = { issued: 0, redeemed: 0, expired: 0, outstanding: 0, liability: 0 };
  return {
    points: diff(a.points, b.points),
    money: diff(a.money, b.money),
    breakage: r4(b.breakage - a.breakage),
    pointsPerPurchase: r4(b.pointsPerPurchase - a.pointsPerPurchase),
    messages: b.messages - a.messages,
    rules: byKey(new Set([...ruleA.keys(), ...ruleB.keys()]), (k) => ruleA.get(k) ?? 0, (k) => ruleB.get(k) ?? 0),
    tiers: byKey(new Set([...Object.keys(a.tiers.final), ...Object.keys(b.tiers.final)]), (k) => a.tiers.final[k] ?? 0, (k) => b.tiers.final[k] ?? 0),
    months: months.map((month) => {
      const x = monthsA.get(month) ?? zero;
      const y = monthsB.get(month) ?? zero;
      return {
        month,
        issued: y.issued - x.issued,
        redeemed: y.redeemed - x.redeemed,
        expired: y.expired - x.expired,
        outstanding: y.outstanding - x.outstanding,
        liability: r4(y.liability - x.liability),
      };
    }),
  };
}

/**
 * Replays one dataset against two versions side by side (one pass over the events, one engine
 * per version) and returns both results and B - A.
 * @example const { deltas } = await compareVersions(current, proposed, dataset); deltas.points.issued
 */
export async function compareVersions(specA: ProgramSpec, specB: ProgramSpec, dataset: Dataset, options: ReplayOptionsInput = {}): Promise<Comparison> {
  const [a, b] = await replayMany([specA, specB], dataset, options);
  return { a: a!, b: b!, deltas: deltasOf(a!, b!) };
}
