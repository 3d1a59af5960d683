import { z } from 'zod';
import type { DbTx } from '../db';
import { EntityId, nowIso, Timestamp } from '../ledger/common-input';
import { announceExpiring } from './announce-expiring';
import { announceJourneySchedules } from './announce-journey-schedules';
import { expireDuePoints } from './expire-due-points';
import { listActivePrograms } from './list-active-programs';
import { releaseDuePending } from './release-due-pending';
import { releaseLapsedHolds } from './release-lapsed-holds';
import type { HousekeepingReport, ProgramHousekeepingReport } from './report';
import { reviewDueTiers } from './review-due-tiers';
import { reviewSegmentEntries } from './review-segment-entries';
import { versionsInForce } from './versions-in-force';

export const RunProgramHousekeepingInput = z.object({
  /** One program; every program with an active version when absent. */
  programId: EntityId.optional(),
  /** The time the run is for (the scheduled time of the job); now when absent. */
  asOf: Timestamp.optional(),
  /** Members per batch: each member is its own short transaction; the run yields between batches. */
  batchSize: z.number().int().min(1).max(5000).default(200),
});
export type RunProgramHousekeepingInput = z.input<typeof RunProgramHousekeepingInput>;

/**
 * The time-driven part of loyalty programs, as of one instant, for each program with an active
 * version: pending points whose return window is over become available; lapsed till reservations
 * give points and stock back; points expire by policy; `points-expiring` events announce what
 * expires within the announcement window; due tier re-checks run and downgrades whose grace days
 * are over take effect; birthdays and journey dates that have come are announced for scheduled
 * journeys, and once a day members entering the segments of segment-entry journeys. Each member's policy is that of the version that runs for them (canary
 * members get the canary's). Work is done in short transactions (per member, or per program for
 * lapsed holds), so a large program never holds the write lock for long. Idempotent: every write
 * has an id derived from what caused it and `asOf` (`release:<lot>`, `lapse:<hold>`,
 * `expire:<member>:<asOf>`, one announcement per member and date, one re-check per member and
 * date), so running again for the same `asOf` writes nothing.
 * @example await runProgramHousekeeping({ ctx: { db }, input: { asOf: '2026-03-01T00:15:00Z' } })
 * // { asOf, programs: [{ programId, pendingReleased: { lots: 4, ... }, expired: { points: 300, ... }, ... }] }
 */
export async function runProgramHousekeeping({ ctx, input }: { ctx: { db: DbTx }; input: RunProgramHousekeepingInput }): Promise<HousekeepingReport> {
  const req = RunProgramHousekeepingInput.parse(input);
  const at = req.asOf ?? nowIso();
  const programIds = req.programId ? [req.programId] : listActivePrograms(ctx.db);
  const programs: ProgramHousekeepingReport[] = [];
  for (const programId of programIds) programs.push(await housekeepProgram(ctx.db, programId, at, req.batchSize));
  return { asOf: at, programs };
}

async function housekeepProgram(db: DbTx, programId: string, at: string, batchSize: number): Promise<ProgramHousekeepingReport> {
  const versions = versionsInForce(db, programId);
  // Order matters: released lots can expire in the same run; lapsed holds give points back to
  // their lots before expiry looks at them; announcements see only what is left.
  const pendingReleased = await releaseDuePending(db, { programId, at, batchSize });
  const holdsLapsed = releaseLapsedHolds(db, { programId, at });
  const expired = await expireDuePoints(db, { programId, at, batchSize, versions });
  const announced = announceExpiring(db, { programId, at, versions });
  const tiers = await reviewDueTiers(db, { programId, at, batchSize });
  const journeys = { ...(await announceJourneySchedules(db, { programId, at, versions, batchSize })), segments: await reviewSegmentEntries(db, { programId, at, versions, batchSize }) };
  return { programId, asOf: at, pendingReleased, holdsLapsed, expired, announced, tiers, journeys };
}
