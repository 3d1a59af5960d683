import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { maintenanceRuns } from '../db/schema';

export const RunMaintenanceInput = z.object({ runId: z.string().min(1) });
export type RunMaintenanceInput = z.infer<typeof RunMaintenanceInput>;

export type MaintenanceReport = {
  runId: string;
  startedAt: string;
  finishedAt: string;
  walPagesCheckpointed: number;
  databaseBytes: number;
  integrity: string;
};

/**
 * Keeps the SQLite file healthy: folds the WAL back into the database, refreshes
 * the query planner's statistics and runs a quick integrity check. Recording is
 * keyed by the workflow run, so a retried activity reports the first result.
 * @example await runMaintenance({ ctx: { db }, input: { runId: 'abc' } });
 */
export function runMaintenance({ ctx, input }: { ctx: { db: Db }; input: RunMaintenanceInput }): MaintenanceReport {
  const { runId } = RunMaintenanceInput.parse(input);
  const sqlite = ctx.db.$client;
  const existing = ctx.db.select().from(maintenanceRuns).where(eq(maintenanceRuns.runId, runId)).get();
  if (existing) return existing;

  const startedAt = new Date().toISOString();
  // PASSIVE reports how many frames it folded back; TRUNCATE (which reports 0) then shrinks the file.
  const checkpoint = sqlite.pragma('wal_checkpoint(PASSIVE)') as { checkpointed: number }[];
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('optimize');
  const integrity = String(sqlite.pragma('quick_check', { simple: true }));
  const pageCount = Number(sqlite.pragma('page_count', { simple: true }));
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  const report: MaintenanceReport = {
    runId,
    startedAt,
    finishedAt: new Date().toISOString(),
    walPagesCheckpointed: Math.max(0, checkpoint[0]?.checkpointed ?? 0),
    databaseBytes: pageCount * pageSize,
    integrity,
  };
  ctx.db.insert(maintenanceRuns).values(report).onConflictDoNothing().run();
  return report;
}
