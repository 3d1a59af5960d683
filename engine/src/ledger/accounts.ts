import type { LedgerAccountKind } from '../db/schema';
import type { AccountRef } from './plan-types';

/**
 * Row id of an account: member accounts are keyed by member, program accounts by program.
 * @example accountId('prog-1', { kind: 'member-available', memberId: 'm-1' }) // 'm-1:member-available'
 */
export function accountId(programId: string, ref: AccountRef): string {
  if (ref.kind.startsWith('member-')) {
    if (!ref.memberId) throw new Error(`account ${ref.kind} needs a member`);
    return `${ref.memberId}:${ref.kind}`;
  }
  return `${programId}:${ref.kind}`;
}

/** Shorthands used by the planners. */
export const available = (memberId: string): AccountRef => ({ kind: 'member-available', memberId });
export const pending = (memberId: string): AccountRef => ({ kind: 'member-pending', memberId });
export const reserved = (memberId: string): AccountRef => ({ kind: 'member-reserved', memberId });
export const program = (kind: Exclude<LedgerAccountKind, `member-${string}`>): AccountRef => ({ kind });
