import { and, eq, inArray, sql } from 'drizzle-orm';
import { placeholders, preparedQuery, preparedSelect, preparedSql, type DbTx } from '../db';
import { ledgerAccounts, ledgerBalances, ledgerLots, ledgerPostings, ledgerTransactions } from '../db/schema';
import { DomainError } from '../errors';
import { LEDGER_ACCOUNT_KINDS } from '../db/schema';
import { memberById, type MemberRow } from '../members/member-store';
import { lotIdFor } from './plan-earn';
import type { LotView } from './plan-types';

export type LedgerTransactionRow = typeof ledgerTransactions.$inferSelect;
export type LedgerPostingRow = typeof ledgerPostings.$inferSelect;
export type LotRow = typeof ledgerLots.$inferSelect;

/** A ledger transaction with its postings; `replayed` when a retry returned the stored one. */
export type PostedTransaction = {
  transaction: LedgerTransactionRow;
  postings: LedgerPostingRow[];
  replayed: boolean;
};

/** @example toLotView(row).remaining */
export function toLotView(row: LotRow): LotView {
  return {
    id: row.id,
    memberId: row.memberId,
    points: row.points,
    remaining: row.remaining,
    status: row.status,
    earnedAt: row.earnedAt,
    availableAt: row.availableAt,
    expiresAt: row.expiresAt,
  };
}

/** Lots of a member that still hold points (pending, held or available). */
export function loadOpenLots(tx: DbTx, memberId: string): LotView[] {
  return tx
    .select()
    .from(ledgerLots)
    .where(and(eq(ledgerLots.memberId, memberId), inArray(ledgerLots.status, ['pending', 'available', 'held'])))
    .all()
    .map(toLotView);
}

/**
 * An earn transaction of the program, its own lot (`origin`) and where those points live now
 * (`lot`, following merges).
 * @throws DomainError('not_found') when there is no such earn in the program.
 */
export function loadEarnLot(tx: DbTx, programId: string, earnTransactionId: string): { earn: LedgerTransactionRow; origin: LotRow; lot: LotRow } {
  const earn = transactionById(tx).get(earnTransactionId);
  if (!earn || earn.kind !== 'earn' || earn.programId !== programId) {
    throw new DomainError('not_found', `There is no earn transaction '${earnTransactionId}' in this program.`);
  }
  const origin = tx.select().from(ledgerLots).where(eq(ledgerLots.id, lotIdFor(earn.id))).get();
  if (!origin) throw new Error(`earn ${earn.id} has no lot`);
  return { earn, origin, lot: currentLot(tx, origin) };
}

/** Follows merges: where the points of a lot live now. */
function currentLot(tx: DbTx, lot: LotRow): LotRow {
  let current = lot;
  while (current.status === 'merged') {
    const next = tx.select().from(ledgerLots).where(eq(ledgerLots.mergedFromLotId, current.id)).get();
    if (!next) break;
    current = next;
  }
  return current;
}

const transactionById = preparedSelect(ledgerTransactions, 'id = ?');
const postingsOf = preparedQuery((db) =>
  db.select().from(ledgerPostings).where(eq(ledgerPostings.transactionId, sql.placeholder('id'))).orderBy(ledgerPostings.id).prepare(),
);

/** Loads a stored transaction and its postings, or undefined. */
export function loadTransaction(tx: DbTx, id: string): Omit<PostedTransaction, 'replayed'> | undefined {
  const transaction = transactionById(tx).get(id);
  if (!transaction) return undefined;
  return { transaction, postings: postingsOf(tx).all({ id }) };
}

/**
 * The member the ledger is asked to book for; must exist in the program. Earning and spending
 * need an active member; corrections work for blocked members too; merged members hold nothing.
 * @throws DomainError('not_found' | 'unprocessable')
 */
export function requireMember(tx: DbTx, programId: string, memberId: string, opts: { allow: 'active' | 'not-merged' | 'any' }) {
  return checkMember(memberById(tx, memberId), programId, memberId, opts);
}

/** `requireMember` for a member row the caller already loaded in this transaction. */
export function checkMember<M extends Pick<MemberRow, 'programId' | 'status' | 'mergedInto'>>(member: M | undefined, programId: string, memberId: string, opts: { allow: 'active' | 'not-merged' | 'any' }): M {
  if (!member || member.programId !== programId) {
    throw new DomainError('not_found', `Member '${memberId}' does not exist in program '${programId}'.`);
  }
  const refused =
    (opts.allow === 'active' && member.status !== 'active') || (opts.allow === 'not-merged' && member.status === 'merged');
  if (refused) {
    const why = member.status === 'merged' ? `was merged into '${member.mergedInto}'` : 'is blocked';
    throw new DomainError('unprocessable', `Member '${memberId}' ${why}; points cannot be booked for them.`);
  }
  return member;
}

const balanceExists = preparedSql<{ found: 1 }>('select 1 as found from ledger_balances where member_id = ?');
const insertAccount = preparedQuery((db) => db.insert(ledgerAccounts).values(placeholders(['id', 'programId', 'memberId', 'kind'])).onConflictDoNothing().prepare());
const insertBalance = preparedQuery((db) => db.insert(ledgerBalances).values(placeholders(['memberId', 'programId'])).onConflictDoNothing().prepare());

/**
 * Creates the member's accounts, its balance row and the program's accounts when missing. All are
 * created together, so an existing balance row means there is nothing to do.
 */
export function ensureLedgerAccounts(tx: DbTx, programId: string, memberId: string): void {
  if (balanceExists(tx).get(memberId)) return;
  for (const kind of LEDGER_ACCOUNT_KINDS) {
    const member = kind.startsWith('member-');
    insertAccount(tx).run({ id: member ? `${memberId}:${kind}` : `${programId}:${kind}`, programId, memberId: member ? memberId : null, kind });
  }
  insertBalance(tx).run({ memberId, programId });
}
