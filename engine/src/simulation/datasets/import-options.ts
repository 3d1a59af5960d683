import { z } from 'zod';
import type { FactEvent } from '../../rules/facts';
import type { CsvSource } from './csv';
import type { DateFormat } from './dates';

/**
 * Which CSV column holds what, for a transactions file with one row per receipt line. Rows with the
 * same `receipt` form one purchase (or one return, for cancellation rows).
 * @example { memberId: 'CustomerID', at: 'InvoiceDate', receipt: 'InvoiceNo', sku: 'StockCode', quantity: 'Quantity', unitPrice: 'UnitPrice' }
 */
export const ColumnMapping = z.object({
  receipt: z.string().min(1),
  at: z.string().min(1),
  sku: z.string().min(1),
  quantity: z.string().min(1),
  unitPrice: z.string().min(1),
  /** Empty cell = non-member purchase. Without the column every row is a non-member row. */
  memberId: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  brand: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  storeId: z.string().min(1).optional(),
  channel: z.string().min(1).optional(),
  /** A member attribute carried on transaction rows (taken from the member's first row). */
  country: z.string().min(1).optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** Columns of an optional members file. Booleans accept true/false, yes/no, y/n, 1/0. */
export const MemberColumnMapping = z.object({
  id: z.string().min(1),
  joinedAt: z.string().min(1),
  country: z.string().min(1).optional(),
  city: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  birthMonth: z.string().min(1).optional(),
  hasEmailConsent: z.string().min(1).optional(),
  hasSmsConsent: z.string().min(1).optional(),
  hasPushConsent: z.string().min(1).optional(),
  hasApp: z.string().min(1).optional(),
  isStaff: z.string().min(1).optional(),
});
export type MemberColumnMapping = z.infer<typeof MemberColumnMapping>;

/** One accepted-so-far transaction row, as handed to `skip` and `categorize`. */
export interface ImportRow {
  line: number;
  receipt: string;
  sku: string;
  description: string;
  quantity: number;
  unitPrice: number;
  at: number;
  memberId: string | null;
  /** Any column of the row by header name ('' when absent). */
  get(column: string): string;
}

/** Options of `importCsvHistory`. */
export interface CsvImportOptions {
  transactions: CsvSource;
  mapping: ColumnMapping;
  members?: { source: CsvSource; mapping: MemberColumnMapping; dateFormat?: DateFormat };
  /** Format of the `at` column (default `iso`); see `createDateParser`. */
  dateFormat?: DateFormat;
  /** IANA zone of wall-clock dates (default UTC). */
  timeZone?: string;
  currency: string;
  delimiter?: string;
  /** A receipt starting with this marks a cancellation: its rows are returns (e.g. `C`). */
  cancellationPrefix?: string;
  /** Rows with a negative quantity are returns (default true). */
  negativeQuantityIsReturn?: boolean;
  /** Quantities must be whole numbers (default true). */
  wholeQuantities?: boolean;
  /** Store and channel when there is no column for them (defaults `store`, `store`). */
  storeId?: string;
  channel?: NonNullable<FactEvent['channel']>;
  /** A reason to skip a valid row (counted under that reason), or undefined to keep it. */
  skip?: (row: ImportRow) => string | undefined;
  /** The category of a row when there is no category column (or it is empty). */
  categorize?: (row: ImportRow) => string | undefined;
  /** Emit a sign-up event for members who join at or after the first transaction (default true). */
  signUps?: boolean;
  /** How many row issues to list in the report (all are counted; default 1000). */
  maxIssues?: number;
}

/** A row that could not be imported, with a message a person can act on. */
export interface ImportIssue {
  file: 'transactions' | 'members';
  line: number;
  reason: string;
  message: string;
}

/** A return row (or its remainder) that matched no earlier purchase of the same member and SKU. */
export interface UnlinkedReturn {
  line: number;
  receipt: string;
  sku: string;
  memberId: string | null;
  quantity: number;
  value: number;
}

/**
 * What an import did. It reconciles: `rowsRead = rowsImported + rowsSkipped`, `rowsSkipped` is the
 * sum of `skippedByReason`, and `rowsImported = purchases.lines + returns.lines`.
 */
export interface ImportReport {
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  /** `invalid` (see issues), `zero-price`, `negative-price`, `zero-quantity`, `unlinked-return`, custom reasons. */
  skippedByReason: Record<string, number>;
  issues: ImportIssue[];
  /** Issues counted but not listed (beyond `maxIssues`). */
  issuesNotListed: number;
  purchases: { count: number; byMembers: number; byNonMembers: number; lines: number; quantity: number; value: number };
  returns: {
    /** Return events (one per cancellation receipt and original purchase). */
    count: number;
    /** Distinct return (cancellation) receipts among the valid rows, linked or not. */
    receipts: number;
    /** Of those, receipts with at least one linked row. */
    linkedReceipts: number;
    lines: number;
    partiallyLinkedLines: number;
    quantity: number;
    value: number;
    unlinkedLines: number;
    unlinkedQuantity: number;
    unlinkedValue: number;
    unlinked: UnlinkedReturn[];
  };
  members: { count: number; fromMembersFile: number; derived: number; signUps: number; rowsRead: number; rowsSkipped: number };
  /** First and last event, epoch ms (null when nothing was imported). */
  firstAt: number | null;
  lastAt: number | null;
}
