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

/** True when any limit is set (rules without limits skip the counter lookup). */
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
  let room = Number.POSITIVE_INFINITY;
  let by: LimitReason | undefined;
  const limit = (cap: number | undefined, used: number | undefined, reason: LimitReason): void => {
    if (cap === undefined) return;
    const left = Math.max(0, cap - (used ?? 0));
    if (left < room) {
      room = left;
      by = reason;
    }
  };
  limit(caps.perMemberPerDay, c?.day, 'cap');
  limit(caps.perMemberPerWeek, c?.week, 'cap');
  limit(caps.perMemberPerMonth, c?.month, 'cap');
  limit(caps.perMemberTotal, c?.total, 'cap');
  limit(caps.campaignBudgetPoints, c?.campaign, 'budget');
  return by === undefined ? NO_LIMIT : { room, by };
}
