/**
 * Datasets for simulation: a common model (members + a time-ordered event stream), a seeded
 * synthetic generator, a streaming CSV importer with validation report and return linking, and
 * the shipped UCI Online Retail history.
 * @example
 *   import { syntheticDataset, loadOnlineRetail } from './simulation/datasets';
 *   const synthetic = syntheticDataset({ seed: 1, members: 100_000, events: 1_000_000 });
 *   for (const e of synthetic.eventsSync()) ...          // fast path, no promise per event
 *   const real = await loadOnlineRetail();
 *   real.report.rowsRead;                                 // 541909
 *   for await (const e of real.events()) ...
 */
export {
  SimCustom,
  SimEvent,
  SimItem,
  SimMember,
  SimMemberAttributes,
  SimPurchase,
  SimReturn,
  SimReturnItem,
  SimSignUp,
  SimTime,
  type Dataset,
  type DatasetStats,
  type SimEventInput,
  type SimEventKind,
  type SyncDataset,
} from './model';
export { SyntheticOptions, syntheticDataset, type SyntheticOptionsInput } from './synthetic';
export { Catalog, CatalogCategory, defaultCatalog, type CatalogInput, type CatalogCategoryInput } from './catalog';
export { createRandom, deriveSeed, type Random } from './random';
export { csvRecords, parseCsvLine, readLineBatches, type CsvRecord, type CsvSource } from './csv';
export { createDateParser, type DateFormat } from './dates';
export { importCsvHistory, type ImportedHistory } from './csv-import';
export {
  ColumnMapping,
  MemberColumnMapping,
  type CsvImportOptions,
  type ImportIssue,
  type ImportReport,
  type ImportRow,
  type UnlinkedReturn,
} from './import-options';
export { historyDataset } from './history-dataset';
export type { CompactHistory } from './compact-history';
export { loadOnlineRetail, ONLINE_RETAIL_PATH, type OnlineRetailDataset } from './online-retail';
export { NON_MERCHANDISE_CATEGORIES, onlineRetailCategory } from './online-retail-categories';
export { batches, toAsync } from './iterate';
