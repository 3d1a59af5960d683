import { describeMetric } from '../events/member-tier';
import type { ProgramSpec } from '../spec';

function tierName(spec: ProgramSpec, id: string | null | undefined): string {
  return spec.tiers.find((t) => t.id === id)?.name ?? id ?? 'no tier';
}

function threshold(spec: ProgramSpec, id: string | null | undefined): number | string {
  return spec.tiers.find((t) => t.id === id)?.threshold ?? '?';
}

/**
 * Why a re-check moved a member, in words a support agent can repeat to the member (the reason of
 * the tier history row and the `tier-changed` event).
 * @example reviewReason(spec, { reviewDate: '2026-01-10', value: 120, from: 'gold', to: 'silver', change: 'down' })
 * // 'Tier re-check of 2026-01-10: 120.00 EUR spent in the qualification window; Gold needs 1500.'
 */
export function reviewReason(
  spec: ProgramSpec,
  r: { reviewDate: string; value: number; from: string | null | undefined; to: string; change: 'up' | 'down'; graceDays?: number },
): string {
  const head = `Tier re-check of ${r.reviewDate}: ${describeMetric(spec, r.value)} in the qualification window`;
  if (r.change === 'up') return `${head}; ${tierName(spec, r.to)} starts at ${threshold(spec, r.to)}.`;
  const grace = r.graceDays ? ` (after ${r.graceDays} grace day${r.graceDays === 1 ? '' : 's'})` : '';
  return `${head}; ${tierName(spec, r.from)} needs ${threshold(spec, r.from)}${grace}.`;
}
