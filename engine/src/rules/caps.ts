import type { Caps } from '../spec';
import type { RuleCounters } from './facts';

/** Why a rule gave fewer points than its effect computed. */
export type LimitReason = 'cap' | 'budget';

/** Points a rule may still give to this member, and the limit that binds. */
export interface CapRoom {
  room: number;
  by: LimitReason | undefined;
}

const NO_LIMIT: CapRoom = { room: Number.POSITIVE_INFINITY, by: undefined };

/** True when any limit is set (rules without limits skip the counter lookup). @example hasLimits({}) // false */
export function hasLimits(caps: Caps): boolean {
  return Object.values(caps).some((v) => v !== undefined);
}

/**
 * The points a rule may still give, from its caps and the counters the ledger supplied.
 * `timesPerMember` reached leaves no room; otherwise the tightest of the point caps and the
 * campaign budget wins (a tie is reported as 'cap').
 * @example capRoom({ perMemberPerDay: 20 }, { day: 15 }) // { room: 5, by: 'cap' }
 */
export function capRoom(caps: Caps, c: RuleCounters | undefined): CapRoom {
  if (caps.timesPerMember !== undefined && (c?.times ?? 0) >= caps.timesPerMember) return { room: 0, by: 'cap' };
  const memberRoom = Math.min(
    left(caps.perMemberPerDay, c?.day),
    left(caps.perMemberPerWeek, c?.week),
    left(caps.perMemberPerMonth, c?.month),
    left(caps.perMemberTotal, c?.total),
  );
  const budgetRoom = left(caps.campaignBudgetPoints, c?.campaign);
  if (memberRoom === Number.POSITIVE_INFINITY && budgetRoom === Number.POSITIVE_INFINITY) return NO_LIMIT;
  return budgetRoom < memberRoom ? { room: budgetRoom, by: 'budget' } : { room: memberRoom, by: 'cap' };
}

function left(cap: number | undefined, used: number | undefined): number {
  return cap === undefined ? Number.POSITIVE_INFINITY : Math.max(0, cap - (used ?? 0));
}
