import { fileURLToPath } from 'node:url';
import { importCsvHistory } from './csv-import';
import type { ImportReport } from './import-options';
import type { SyncDataset } from './model';
import { onlineRetailCategory } from './online-retail-categories';

/** The shipped copy of UCI Online Retail (see `templates/datasets/README.md`). */
export const ONLINE_RETAIL_PATH = fileURLToPath(new URL('../../../../templates/datasets/online-retail.csv.gz', import.meta.url));

/** The Online Retail history as a dataset, with the import report. */
export type OnlineRetailDataset = SyncDataset & { readonly report: ImportReport };

/**
 * Loads UCI Online Retail (2010-12-01 – 2011-12-09, a UK online gift-ware retailer) as a dataset:
 * - invoices become purchases (channel `online`, store `online-retail-uk`, GBP; InvoiceDate is UK
 *   wall-clock time, read in Europe/London);
 * - `C…` invoices are cancellations: returns linked to the customer's latest earlier purchases of
 *   the same StockCode; the rest (and all cancellations without a CustomerID) are reported unlinked;
 * - `A…` "Adjust bad debt" rows are skipped (`adjust-bad-debt`), as are zero and negative prices;
 * - rows without a CustomerID are non-member purchases (`memberId: null`);
 * - members are the CustomerIDs, joined at their first transaction, with `country` from it;
 * - each line gets a category from `onlineRetailCategory` (postage and fees are non-merchandise).
 * Takes a couple of seconds; the history is then held as typed-array columns (tens of MB), and
 * events are built as they are iterated.
 * @example
 *   const ds = await loadOnlineRetail();
 *   ds.report.rowsRead; // 541909
 *   for await (const e of ds.events()) ...
 */
export async function loadOnlineRetail(options: { path?: string; signUps?: boolean } = {}): Promise<OnlineRetailDataset> {
  const bySku = new Map<string, { description: string; category: string }>();
  const categorize = (sku: string, description: string): string => {
    const known = bySku.get(sku);
    if (known?.description === description) return known.category;
    const category = onlineRetailCategory(sku, description);
    bySku.set(sku, { description, category });
    return category;
  };
  const imported = await importCsvHistory({
    transactions: { path: options.path ?? ONLINE_RETAIL_PATH },
    mapping: {
      receipt: 'InvoiceNo',
      sku: 'StockCode',
      description: 'Description',
      quantity: 'Quantity',
      at: 'InvoiceDate',
      unitPrice: 'UnitPrice',
      memberId: 'CustomerID',
      country: 'Country',
    },
    dateFormat: 'YYYY-MM-DD HH:mm:ss',
    timeZone: 'Europe/London',
    currency: 'GBP',
    cancellationPrefix: 'C',
    storeId: 'online-retail-uk',
    channel: 'online',
    skip: (row) => (row.receipt.startsWith('A') ? 'adjust-bad-debt' : undefined),
    categorize: (row) => categorize(row.sku, row.description),
    signUps: options.signUps ?? true,
  });
  const dataset = imported.dataset({
    id: 'online-retail',
    name: 'UCI Online Retail (2010–2011)',
    description:
      'Every invoice line of a UK online gift-ware retailer, 2010-12-01 to 2011-12-09 (Chen, D. (2015). Online Retail. UCI Machine Learning Repository, CC BY 4.0).',
  });
  return Object.assign(dataset, { report: imported.report });
}
