import type { DbTx } from '../db';
import type { HistoryOwner, MemberRow } from '../members';
import { moveToTier } from '../members';
import { qualificationWindow, tierAfterActivity, tierCanChangeAfterActivity } from '../rules';
import type { ProgramSpec, TierPolicy } from '../spec';
import { metricOver } from './history-metrics';

/**
 * The metric value that counts toward tiers as of a local date (the window per the tier policy),
 * members merged into this one included.
 */
export function qualificationValue(tx: DbTx, spec: ProgramSpec, member: HistoryOwner, asOfLocalDate: string): number {
  const w = qualificationWindow(spec.tierPolicy.window, asOfLocalDate);
  return metricOver(tx, member, spec.tierPolicy.metric, { by: 'local-date', from: w.from, to: w.to });
}

/**
 * The amount of a tier metric in words, e.g. "528.00 EUR spent", "12 visits", "900 Points earned".
 * @example describeMetric(spec, 528) // '528.00 EUR spent'
 */
export function describeMetric(spec: ProgramSpec, value: number): string {
  const metric: TierPolicy['metric'] = spec.tierPolicy.metric;
  if (metric === 'spend') return `${value.toFixed(2)} ${spec.program.currency} spent`;
  if (metric === 'visits') return `${value} visit${value === 1 ? '' : 's'}`;
  return `${value} ${spec.program.pointsName} earned`;
}

/**
 * Applies the tier policy right after activity: with `upgrade: 'immediate'` a member whose
 * qualification value reached a higher threshold moves up now (history and `tier-changed` event
 * via `moveToTier`, in the caller's transaction); a member without a tier gets the one they
 * qualify for. Never lowers a tier (downgrades happen at the scheduled re-check).
 * @example upgradeAfterActivity(tx, { spec, member, localDate: '2026-03-04', at }) // { from: 'member', to: 'silver' }
 */
export function upgradeAfterActivity(
  tx: DbTx,
  args: { spec: ProgramSpec; member: MemberRow; localDate: string; at: string },
): { from: string | null; to: string } | undefined {
  const { spec, member } = args;
  if (!tierCanChangeAfterActivity(spec.tiers, spec.tierPolicy, member.currentTierId ?? undefined)) return undefined;
  const value = qualificationValue(tx, spec, member, args.localDate);
  const next = tierAfterActivity(spec.tiers, spec.tierPolicy, member.currentTierId ?? undefined, value);
  if (!next || next === member.currentTierId) return undefined;
  const tier = spec.tiers.find((t) => t.id === next);
  const reason = `${describeMetric(spec, value)} in the qualification window; ${tier?.name ?? next} starts at ${tier?.threshold ?? '?'}`;
  moveToTier(tx, member, { toTierId: next, reason, at: args.at });
  return { from: member.currentTierId, to: next };
}
