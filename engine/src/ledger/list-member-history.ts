import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { decodePageCursor, encodePageCursor, olderThan, rowidOf, type DbTx } from '../db';
import { ledgerPostings, ledgerTransactions } from '../db/schema';
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

const insertionOrder = rowidOf(ledgerTransactions);

/**
 * A member's transactions with their postings, newest first, in pages. Members merged into this
 * one bring their history along (found through the ledger's merge transactions).
 * @example const page = listMemberHistory({ ctx: { db }, input: { programId, memberId, limit: 20 } });
 * listMemberHistory({ ctx: { db }, input: { programId, memberId, cursor: page.nextCursor } })
 */
export function listMemberHistory({ ctx, input }: { ctx: { db: DbTx }; input: ListMemberHistoryInput }): HistoryPage {
  const req = ListMemberHistoryInput.parse(input);
  const memberIds = withMergedSources(ctx.db, req.memberId);
  const after = decodePageCursor(req.cursor);
  const rows = ctx.db
    .select({ transaction: ledgerTransactions, seq: insertionOrder })
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.programId, req.programId),
        inArray(ledgerTransactions.memberId, memberIds),
        olderThan(ledgerTransactions.createdAt, insertionOrder, after),
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
    nextCursor: rows.length > req.limit && last ? encodePageCursor({ at: last.transaction.createdAt, seq: last.seq }) : null,
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
