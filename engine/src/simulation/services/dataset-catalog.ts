import { desc, eq } from 'drizzle-orm';
import type { DbTx } from '../../db';
import { simulationDatasets } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Dataset, OnlineRetailDataset } from '../datasets';
import { importCsvHistory, loadOnlineRetail, syntheticDataset } from '../datasets';
import { StoredImportOptions } from './import-dataset';

/** One dataset the studio can offer for a simulation. */
export interface DatasetInfo {
  id: string;
  kind: 'synthetic' | 'online-retail' | 'csv';
  name: string;
  description: string;
  members: number | null;
  purchases: number | null;
  /** Currency of the history (synthetic presets take the program's). */
  currency: string | null;
}

/** Synthetic presets: seeded, a year from 1 January of `start` (default the current year). */
export const SYNTHETIC_PRESETS = {
  'synthetic-small': { members: 5_000, events: 50_000, name: 'Synthetic: 5,000 members, a year' },
  'synthetic-medium': { members: 20_000, events: 200_000, name: 'Synthetic: 20,000 members, a year' },
  'synthetic-large': { members: 100_000, events: 1_000_000, name: 'Synthetic: 100,000 members, a year' },
} as const;
export type SyntheticPresetId = keyof typeof SYNTHETIC_PRESETS;
export const DEFAULT_DATASET_ID: SyntheticPresetId = 'synthetic-small';

/**
 * Datasets to simulate on: the synthetic presets, the shipped UCI Online Retail history and the
 * CSV histories imported into this installation (newest first).
 * @example listDatasets({ ctx: { db } })[0]?.id // 'synthetic-small'
 */
export function listDatasets({ ctx }: { ctx: { db: DbTx } }): DatasetInfo[] {
  const presets: DatasetInfo[] = Object.entries(SYNTHETIC_PRESETS).map(([id, p]) => ({
    id,
    kind: 'synthetic',
    name: p.name,
    description: `About ${p.events.toLocaleString('en')} purchases by ${p.members.toLocaleString('en')} members and guests, with sign-ups, weekly and seasonal patterns, categories and returns (seeded: the same every time).`,
    members: p.members,
    purchases: p.events,
    currency: null,
  }));
  const retail: DatasetInfo = {
    id: 'online-retail',
    kind: 'online-retail',
    name: 'UCI Online Retail (2010–2011)',
    description: 'A year of a UK online gift-ware retailer: 541,909 invoice lines, 4,371 customers, cancellations as returns (CC BY 4.0).',
    members: 4_371,
    purchases: 19_959,
    currency: 'GBP',
  };
  const imported = ctx.db.select().from(simulationDatasets).orderBy(desc(simulationDatasets.createdAt)).all();
  return [
    ...presets,
    retail,
    ...imported.map((d): DatasetInfo => {
      const report = JSON.parse(d.report) as { members?: { count?: number }; purchases?: { count?: number } };
      return { id: d.id, kind: 'csv', name: d.name, description: d.description, members: report.members?.count ?? null, purchases: report.purchases?.count ?? null, currency: d.currency };
    }),
  ];
}

let onlineRetail: Promise<OnlineRetailDataset> | undefined;
const imports = new Map<string, Promise<Dataset>>();

/**
 * Opens a dataset for a replay. Synthetic presets use the program currency and start on 1 January
 * of `startYear`; the Online Retail history and imported CSVs are loaded once per process.
 * @example const ds = await openDataset({ db }, 'synthetic-small', { currency: 'EUR', startYear: 2026 });
 */
export async function openDataset(ctx: { db: DbTx }, id: string, program: { currency: string; startYear: number; seed?: number }): Promise<Dataset> {
  if (id in SYNTHETIC_PRESETS) {
    const p = SYNTHETIC_PRESETS[id as SyntheticPresetId];
    const ds = syntheticDataset({ seed: program.seed ?? 1, members: p.members, events: p.events, currency: program.currency, start: Date.UTC(program.startYear, 0, 1) });
    return Object.assign(ds, { id, name: p.name });
  }
  if (id === 'online-retail') return (onlineRetail ??= loadOnlineRetail());
  const row = ctx.db.select().from(simulationDatasets).where(eq(simulationDatasets.id, id)).get();
  if (!row) throw new DomainError('not_found', `Dataset '${id}' does not exist.`);
  let ds = imports.get(id);
  if (!ds) {
    const o = StoredImportOptions.parse(JSON.parse(row.options));
    ds = importCsvHistory({
      ...o,
      transactions: { text: row.transactionsCsv },
      ...(row.membersCsv && o.memberMapping ? { members: { source: { text: row.membersCsv }, mapping: o.memberMapping } } : {}),
      currency: row.currency,
    }).then((h) => h.dataset({ id, name: row.name, description: row.description }));
    imports.set(id, ds);
    if (imports.size > 4) imports.delete(imports.keys().next().value as string);
  }
  return ds;
}
