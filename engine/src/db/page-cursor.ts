import { and, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DomainError } from '../errors';

/**
 * Where a newest-first page ended: the time of its last row and that row's rowid. Rows of one
 * millisecond keep the order they were written in (random id bits would not), so lists of
 * append-only tables page by (time, rowid).
 */
export type PageCursor = { at: string; seq: number };

/** The table's rowid, its write order. @example db.select({ seq: rowidOf(messages) }).from(messages) */
export function rowidOf(table: SQLiteTable): SQL<number> {
  return sql<number>`${table}.rowid`;
}

/**
 * The condition for rows after the cursor in newest-first order (none without a cursor).
 * @example .where(and(eq(messages.memberId, id), olderThan(messages.createdAt, rowidOf(messages), after)))
 */
export function olderThan(time: SQLiteColumn, seq: SQL<number>, after: PageCursor | undefined): SQL | undefined {
  return after ? or(lt(time, after.at), and(eq(time, after.at), lt(seq, after.seq))) : undefined;
}

/** @example encodePageCursor({ at: row.createdAt, seq: row.seq }) // 'WyIyMDI2LTAzLTAyVDEy...' */
export function encodePageCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.seq])).toString('base64url');
}

/**
 * Reads a cursor from `encodePageCursor`; undefined for the first page.
 * @throws DomainError('invalid_input') for a cursor that is not one.
 */
export function decodePageCursor(cursor: string | undefined): PageCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && Number.isSafeInteger(seq)) return { at, seq: seq as number };
  } catch {
    // fall through
  }
  throw new DomainError('invalid_input', 'The page cursor is not valid; start again from the first page.');
}
