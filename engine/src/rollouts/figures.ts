import { sql } from 'drizzle-orm';
import type { DbTx } from '../db';
import { OUTBOX_SOURCES, sqlList } from '../monitoring/sources';
import type { VersionFigures } from './contract';

const inList = (types: readonly string[]) => sql.raw(sqlList(types));

/**
 * A version's figures since a time (sources: see OUTBOX_SOURCES): purchases, points issued, points per purchase, error and fraud rates.
 * @example versionFigures(db, canaryVersionId, rollout.startedAt).pointsPerPurchase // 12.5
 */
export function versionFigures(db: DbTx, versionId: string, since: string): VersionFigures {
  const { points } = db.get<{ points: number }>(sql`
    select coalesce(-sum(p.amount), 0) as points from ledger_transactions t
      join ledger_postings p on p.transaction_id = t.id
      join ledger_accounts a on a.id = p.account_id and a.kind = 'program-issued'
    where t.program_version_id = ${versionId} and t.kind = 'earn' and t.occurred_at >= ${since}`);
  const counts = db.get<{ purchases: number; events: number; errors: number; fraudFlags: number }>(sql`
    select
      coalesce(sum(type in (${inList(OUTBOX_SOURCES.purchases)})), 0) as purchases,
      coalesce(sum(type in (${inList(OUTBOX_SOURCES.events)})), 0) as events,
      coalesce(sum(type in (${inList(OUTBOX_SOURCES.errors)})), 0) as errors,
      coalesce(sum(type in (${inList(OUTBOX_SOURCES.fraudFlags)})), 0) as fraudFlags
    from outbox where created_at >= ${since} and json_extract(payload, '$.versionId') = ${versionId}`);
  const attempts = counts.events + counts.errors;
  return {
    versionId,
    purchases: counts.purchases,
    pointsIssued: points,
    pointsPerPurchase: counts.purchases ? points / counts.purchases : null,
    errors: counts.errors,
    errorRate: attempts ? counts.errors / attempts : 0,
    fraudFlags: counts.fraudFlags,
    fraudFlagsPer1000: counts.events ? (1000 * counts.fraudFlags) / counts.events : 0,
  };
}
