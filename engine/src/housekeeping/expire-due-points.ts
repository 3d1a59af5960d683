import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { DbTx } from '../db';
import { ledgerBalances, ledgerLots } from '../db/schema';
import { addDays, addMonths, expirePoints } from '../ledger';
import { forEachInBatches } from './pace';
import type { VersionsInForce } from './versions-in-force';

/**
 * Expires points by policy: `expirePoints` per member (one short transaction each, id
 * `expire:<member>:<asOf>`), with the expiry policy of the version that runs for that member.
 * @example await expireDuePoints(db, { programId, at, batchSize: 200, versions }) // { members: 2, points: 300 }
 */
export async function expireDuePoints(db: DbTx, args: { programId: string; at: string; batchSize: number; versions: VersionsInForce }) {
  const { programId, at, versions } = args;
  const out = { members: 0, points: 0 };
  await forEachInBatches(candidates(db, args), args.batchSize, (memberId) => {
    const expiry = versions.runtimeOf(memberId).spec.pointsLifecycle.expiry;
    const r = expirePoints({ ctx: { db }, input: { programId, expiry, memberId, asOf: at } });
    out.members += r.members;
    out.points += r.points;
  });
  return out;
}

/**
 * Members who may have something to expire (`expirePoints` decides exactly): available lots past
 * their date (dated when earned, whatever the policy now), and under an inactivity policy members
 * with points whose last activity is old enough, each under their own version's policy.
 */
function candidates(db: DbTx, { programId, at, versions }: { programId: string; at: string; versions: VersionsInForce }): string[] {
  const dated = db
    .selectDistinct({ memberId: ledgerLots.memberId })
    .from(ledgerLots)
    .where(and(eq(ledgerLots.programId, programId), eq(ledgerLots.status, 'available'), gt(ledgerLots.remaining, 0), isNotNull(ledgerLots.expiresAt), lte(ledgerLots.expiresAt, at)))
    .all()
    .map((r) => r.memberId);
  const out = new Set(dated);
  for (const runtime of versions.runtimes) {
    const expiry = runtime.spec.pointsLifecycle.expiry;
    if (expiry.kind !== 'inactivity') continue;
    // A few days of slack for month-end clamping, as in expirePoints.
    const cutoff = addDays(addMonths(at, -expiry.months), 4);
    const inactive = db
      .select({ memberId: ledgerBalances.memberId })
      .from(ledgerBalances)
      .where(and(eq(ledgerBalances.programId, programId), gt(ledgerBalances.available, 0), sql`${ledgerBalances.lastActivityAt} <= ${cutoff}`))
      .all();
    for (const { memberId } of inactive) if (versions.runtimeOf(memberId).versionId === runtime.versionId) out.add(memberId);
  }
  return [...out].sort();
}
