import type { DbTx } from '../db';
import { preparedSql } from '../db';
import type { MemberRow } from './member-store';

/** What a history query needs of a member: its id and whether others were merged into it. */
export type HistoryOwner = Pick<MemberRow, 'id' | 'mergedMembers'>;

/**
 * The members whose stored purchases, returns and awards count as one member's history, as a
 * bound argument for `memberIdIn`: the member alone (`one`, an id for `= ?`, the plan every
 * unmerged member keeps) or with everyone merged into it (`many`, a JSON array for `json_each`).
 */
export type HistoryMembers = { kind: 'one' | 'many'; arg: string };

// merged_into is kept flat by mergeMembers (a chain A→B, B→C re-points A to C), so one indexed
// lookup finds every member merged into this one, directly or through a chain.
const mergedInto = preparedSql<{ id: string }>('select id from members where merged_into = ?');

/**
 * The member and every member merged into it. Reads nothing for a member without merges
 * (`mergedMembers` is 0), so the purchase path pays for merges only where they happened.
 * @example historyMembers(tx, member) // { kind: 'one', arg: 'm-1' } or { kind: 'many', arg: '["m-1","m-0"]' }
 */
export function historyMembers(tx: DbTx, owner: HistoryOwner): HistoryMembers {
  if (owner.mergedMembers === 0) return { kind: 'one', arg: owner.id };
  const ids = [owner.id, ...mergedInto(tx).all(owner.id).map((r) => r.id)];
  return { kind: 'many', arg: JSON.stringify(ids) };
}

/**
 * The SQL condition "column belongs to these members", with one `?` for `HistoryMembers.arg`.
 * @example `select count(*) from purchases where ${memberIdIn('member_id', who.kind)}`
 */
export function memberIdIn(column: string, kind: HistoryMembers['kind']): string {
  return kind === 'one' ? `${column} = ?` : `${column} in (select value from json_each(?))`;
}
