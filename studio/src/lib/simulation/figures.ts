import type { Series } from '$lib/charts';
import type { SimulationResult } from './api';

/** Short month label: '2026-03' -> 'Mar'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return y && m ? new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' }) : month;
}

/**
 * Chart data for a simulation result: points over time, liability, tiers per month, rules.
 * @example const f = chartData(result, { gold: 'Gold' }); f.points[0].name // 'Issued'
 */
export function chartData(r: SimulationResult, tierNames: Record<string, string> = {}) {
  const labels = r.months.map((m) => monthLabel(m.month));
  const points: Series[] = [
    { name: 'Issued', values: r.months.map((m) => m.issued) },
    { name: 'Redeemed', values: r.months.map((m) => m.redeemed) },
    { name: 'Expired', values: r.months.map((m) => m.expired) },
  ];
  const liability: Series[] = [{ name: `Liability (${r.program.currency})`, values: r.months.map((m) => m.liability) }];
  const tiers: Series[] = r.tiers.ids.map((id) => ({ name: tierNames[id] ?? id, values: r.months.map((m) => m.tiers[id] ?? 0) }));
  const rules = r.rules.map((x) => ({ label: x.name, value: x.points, note: `${Math.round(x.share * 100)} %` }));
  return { labels, points, liability, tiers, rules };
}

/** Headline figures for cards and the approver's summary. */
export function headline(r: SimulationResult) {
  const money = (n: number) => n.toLocaleString('en', { style: 'currency', currency: r.program.currency, maximumFractionDigits: 0 });
  return [
    { label: `${r.program.pointsName} issued`, value: r.points.issued.toLocaleString('en') },
    { label: `${r.program.pointsName} redeemed`, value: r.points.redeemed.toLocaleString('en') },
    { label: 'Liability at the end', value: money(r.money.liability) },
    { label: 'Cost share of spend', value: `${(r.money.costShareOfSpend * 100).toFixed(1)} %` },
    { label: 'Breakage', value: `${(r.breakage * 100).toFixed(1)} %` },
    { label: 'Points per purchase', value: r.pointsPerPurchase.toFixed(1) },
  ];
}
