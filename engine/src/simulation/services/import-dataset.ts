import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DbTx } from '../../db';
import { simulationDatasets } from '../../db/schema';
import { DomainError } from '../../errors';
import { parseInput } from '../../versions/parse-input';
import { ColumnMapping, MemberColumnMapping, importCsvHistory } from '../datasets';
import type { ImportReport } from '../datasets';

/** Import settings kept with an imported dataset. */
export const StoredImportOptions = z.object({
  mapping: ColumnMapping,
  memberMapping: MemberColumnMapping.optional(),
  dateFormat: z.string().min(1).default('iso'),
  timeZone: z.string().min(1).default('UTC'),
  delimiter: z.string().length(1).optional(),
  cancellationPrefix: z.string().min(1).max(4).optional(),
  storeId: z.string().min(1).optional(),
  channel: z.enum(['store', 'online', 'app', 'phone']).optional(),
});
export type StoredImportOptions = z.infer<typeof StoredImportOptions>;

export const ImportDatasetInput = StoredImportOptions.extend({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  currency: z.string().regex(/^[A-Z]{3}$/),
  transactionsCsv: z.string().min(1).max(50_000_000),
  membersCsv: z.string().max(20_000_000).optional(),
  author: z.string().min(1),
});
export type ImportDatasetInput = z.input<typeof ImportDatasetInput>;

/**
 * Imports a purchase history from CSV text (and optionally a members CSV) with a column mapping,
 * keeps it for simulations, and returns its id and the import report. A file in which no row
 * could be imported is refused with the report's first issues.
 * @example importDataset({ ctx: { db }, input: { name: 'Shop 2024', currency: 'EUR', transactionsCsv, mapping, author } }).report.rowsImported
 */
export async function importDataset({ ctx, input }: { ctx: { db: DbTx }; input: ImportDatasetInput }): Promise<{ id: string; report: ImportReport }> {
  const o = parseInput(ImportDatasetInput, input);
  const stored: StoredImportOptions = StoredImportOptions.parse(o);
  const imported = await importCsvHistory({
    ...stored,
    transactions: { text: o.transactionsCsv },
    ...(o.membersCsv && stored.memberMapping ? { members: { source: { text: o.membersCsv }, mapping: stored.memberMapping } } : {}),
    currency: o.currency,
  });
  const report = imported.report;
  if (report.rowsImported === 0) {
    const first = report.issues.slice(0, 3).map((i) => i.message);
    throw new DomainError('unprocessable', `No row of the file could be imported.${first.length ? ` ${first.join(' ')}` : ''}`, report);
  }
  const id = `csv-${randomUUID()}`;
  ctx.db
    .insert(simulationDatasets)
    .values({
      id,
      name: o.name,
      description: o.description || `Imported history: ${report.purchases.count} purchases by ${report.members.count} members.`,
      currency: o.currency,
      transactionsCsv: o.transactionsCsv,
      membersCsv: o.membersCsv ?? null,
      options: JSON.stringify(stored),
      report: JSON.stringify({ ...report, issues: report.issues.slice(0, 50), returns: { ...report.returns, unlinked: report.returns.unlinked.slice(0, 50) } }),
      createdBy: o.author,
      createdAt: new Date().toISOString(),
    })
    .run();
  return { id, report };
}
