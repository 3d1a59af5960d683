import { and, eq, inArray } from 'drizzle-orm';
import type { DbTx } from '../db';
import { ledgerAccounts, ledgerBalances, ledgerLots, ledgerPostings, ledgerTransactions, members } from '../db/schema';
import { DomainError } from '../errors';
import { LEDGER_ACCOUNT_KINDS } from '../db/schema';
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

/** Lots of a member that still hold points (pending or available). */
export function loadOpenLots(tx: DbTx, memberId: string): LotView[] {
  return tx
    .select()
    .from(ledgerLots)
    .where(and(eq(ledgerLots.memberId, memberId), inArray(ledgerLots.status, ['pending', 'available'])))
    .all()
    .map(toLotView);
}

/** Loads a stored transaction and its postings, or undefined. */
export function loadTransaction(tx: DbTx, id: string): Omit<PostedTransaction, 'replayed'> | undefined {
  const transaction = tx.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id)).get();
  if (!transaction) return undefined;
  const postings = tx.select().from(ledgerPostings).where(eq(ledgerPostings.transactionId, id)).orderBy(ledgerPostings.id).all();
  return { transaction, postings };
}

/**
 * The member the ledger is asked to book for; must exist in the program. Earning and spending
 * need an active member; corrections work for blocked members too; merged members hold nothing.
 * @throws DomainError('not_found' | 'unprocessable')
 */
export function requireMember(tx: DbTx, programId: string, memberId: string, opts: { allow: 'active' | 'not-merged' | 'any' }) {
  const member = tx.select().from(members).where(eq(members.id, memberId)).get();
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

/** Creates the member's three accounts, its balance row and the program's accounts when missing. */
export function ensureLedgerAccounts(tx: DbTx, programId: string, memberId: string): void {
  const rows = LEDGER_ACCOUNT_KINDS.map((kind) =>
    kind.startsWith('member-')
      ? { id: `${memberId}:${kind}`, programId, memberId, kind }
      : { id: `${programId}:${kind}`, programId, memberId: null, kind },
  );
  tx.insert(ledgerAccounts).values(rows).onConflictDoNothing().run();
  tx.insert(ledgerBalances).values({ memberId, programId }).onConflictDoNothing().run();
}
