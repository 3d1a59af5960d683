import { compact } from './compact-history';
import type { CompactHistory } from './compact-history';
import { historyDataset } from './history-dataset';
import type { CsvImportOptions, ImportReport } from './import-options';
import { ColumnMapping, MemberColumnMapping } from './import-options';
import type { SyncDataset } from './model';
import { RawHistory, emptyReport } from './raw-history';
import { readMembers } from './read-members';
import { readTransactions } from './read-transactions';

/** The result of an import: the compact history, its report, and a dataset over it. */
export interface ImportedHistory {
  readonly history: CompactHistory;
  readonly report: ImportReport;
  dataset(info: { id: string; name: string; description: string }): SyncDataset;
}

/**
 * Imports a purchase history from CSV: an optional members file and a transactions file with one
 * row per receipt line, read line by line (gzip or plain). Rows are validated (issues carry the
 * line number and a plain message), grouped into purchases by receipt, and return rows (negative
 * quantity or a cancellation receipt prefix) are linked to the latest earlier purchases of the same
 * member and SKU that still have quantity left; what cannot be linked is reported, not emitted.
 * Members without a members file are derived from transactions (joined at their first one).
 * @example
 *   const { report, dataset } = await importCsvHistory({
 *     transactions: { path: 'history.csv.gz' },
 *     mapping: { memberId: 'CustomerID', at: 'InvoiceDate', receipt: 'InvoiceNo', sku: 'StockCode', quantity: 'Quantity', unitPrice: 'UnitPrice' },
 *     dateFormat: 'YYYY-MM-DD HH:mm:ss', timeZone: 'Europe/London', currency: 'GBP', cancellationPrefix: 'C',
 *   });
 *   report.issues[0]?.message; // "line 17: Quantity 'abc' is not a whole number"
 */
export async function importCsvHistory(options: CsvImportOptions): Promise<ImportedHistory> {
  const o: CsvImportOptions = {
    ...options,
    mapping: ColumnMapping.parse(options.mapping),
    ...(options.members ? { members: { ...options.members, mapping: MemberColumnMapping.parse(options.members.mapping) } } : {}),
  };
  if (!/^[A-Z]{3}$/.test(o.currency)) throw new Error(`currency '${o.currency}' is not an ISO 4217 code like EUR`);
  const h = new RawHistory(o.maxIssues ?? 1000);
  const report = emptyReport();
  await readMembers(h, o, report.members);
  const fromFile = h.memberFromFile.size;
  await readTransactions(h, o);
  const history = compact(h, o.currency, o.signUps ?? true, report);
  report.rowsRead = h.rowsRead;
  report.skippedByReason = { ...h.skipped };
  report.rowsSkipped = Object.values(h.skipped).reduce((a, b) => a + b, 0);
  report.rowsImported = report.purchases.lines + report.returns.lines;
  report.issues = h.issues;
  report.issuesNotListed = h.issuesNotListed;
  report.members.count = history.memberOrder.length;
  report.members.fromMembersFile = fromFile;
  report.members.derived = history.memberOrder.length - fromFile;
  const n = history.eventAt.length;
  report.firstAt = n > 0 ? (history.eventAt[0] ?? null) : null;
  report.lastAt = n > 0 ? (history.eventAt[n - 1] ?? null) : null;
  return { history, report, dataset: (info) => historyDataset(history, info) };
}
