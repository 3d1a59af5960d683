import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerPostings, ledgerTransactions } from '../db/schema';
import { DomainError } from '../errors';
import { EntityId } from './common-input';
import type { LedgerPostingRow, LedgerTransactionRow } from './ledger-store';

export const ListMemberHistoryInput = z.object({
  programId: EntityId,
  memberId: EntityId,
  limit: z.number().int().min(1).max(200).default(20),
  /** `nextCursor` of the previous page. */
  cursor: z.string().optional(),
});
export type ListMemberHistoryInput = z.input<typeof ListMemberHistoryInput>;

export type HistoryPage = {
  items: { transaction: LedgerTransactionRow; postings: LedgerPostingRow[] }[];
  nextCursor: string | null;
};

/**
 * Transactions of one millisecond share a created-at time; the table's rowid keeps the order they
 * were written in (ids are time-ordered only to the millisecond, and the ledger never deletes rows).
 */
const insertionOrder = sql<number>`${ledgerTransactions}.rowid`;

/**
 * A member's transactions with their postings, newest first, in pages. Members merged into this
 * one bring their history along (found through the ledger's merge transactions).
 * @example const page = listMemberHistory({ ctx: { db }, input: { programId, memberId, limit: 20 } });
 * listMemberHistory({ ctx: { db }, input: { programId, memberId, cursor: page.nextCursor } })
 */
export function listMemberHistory({ ctx, input }: { ctx: { db: DbTx }; input: ListMemberHistoryInput }): HistoryPage {
  const req = ListMemberHistoryInput.parse(input);
  const memberIds = withMergedSources(ctx.db, req.memberId);
  const after = req.cursor ? decodeCursor(req.cursor) : undefined;
  const rows = ctx.db
    .select({ transaction: ledgerTransactions, seq: insertionOrder })
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.programId, req.programId),
        inArray(ledgerTransactions.memberId, memberIds),
        after
          ? or(
              lt(ledgerTransactions.createdAt, after.createdAt),
              and(eq(ledgerTransactions.createdAt, after.createdAt), lt(insertionOrder, after.seq)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(ledgerTransactions.createdAt), desc(insertionOrder))
    .limit(req.limit + 1)
    .all();
  const page = rows.slice(0, req.limit);
  const ids = page.map((r) => r.transaction.id);
  const postings = ids.length
    ? ctx.db.select().from(ledgerPostings).where(inArray(ledgerPostings.transactionId, ids)).orderBy(ledgerPostings.id).all()
    : [];
  const last = page.at(-1);
  return {
    items: page.map(({ transaction }) => ({ transaction, postings: postings.filter((p) => p.transactionId === transaction.id) })),
    nextCursor: rows.length > req.limit && last ? encodeCursor(last) : null,
  };
}

/** The member plus everyone merged into it, directly or through earlier merges. */
function withMergedSources(db: DbTx, memberId: string): string[] {
  const seen = new Set([memberId]);
  let frontier = [memberId];
  while (frontier.length) {
    const sources = db
      .select({ id: ledgerTransactions.counterpartyMemberId })
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.kind, 'merge'), inArray(ledgerTransactions.memberId, frontier)))
      .all()
      .map((r) => r.id)
      .filter((id): id is string => id !== null && !seen.has(id));
    for (const id of sources) seen.add(id);
    frontier = sources;
  }
  return [...seen];
}

function encodeCursor(row: { transaction: LedgerTransactionRow; seq: number }): string {
  return Buffer.from(JSON.stringify([row.transaction.createdAt, row.seq])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; seq: number } {
  try {
    const [createdAt, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && Number.isSafeInteger(seq)) return { createdAt, seq: seq as number };
  } catch {
    // fall through
  }
  throw new DomainError('invalid_input', 'The page cursor is not valid; start again from the first page.');
}
