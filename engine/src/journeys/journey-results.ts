import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { programs } from '../db/schema';
import { DomainError } from '../errors';
import { MS_PER_DAY } from '../simulation/calendar';

/** How far back results look when no `since` is given. */
export const JOURNEY_RESULTS_DEFAULT_DAYS = 30;
const TOP_REASONS = 3;

export const JourneyResultsInput = z
  .object({
    programId: z.string().min(1),
    /** Start of the period; 30 days back when left out. */
    since: z.iso
      .datetime({ offset: true, error: 'use an ISO timestamp such as 2025-03-01T10:00:00Z' })
      .transform((s) => new Date(s).toISOString())
      .optional(),
  })
  .strict();
export type JourneyResultsInput = z.input<typeof JourneyResultsInput>;

/** What one journey did in the period. */
export type JourneyResult = {
  journeyId: string;
  /** Runs that started in the period, by where they are now. */
  runs: { started: number; running: number; completed: number; failed: number };
  /** Messages the journey sent, queued or decided not to send in the period. */
  messages: { sent: number; queued: number; skipped: number; failed: number };
  /** The most frequent reasons for messages not sent or failed, most frequent first (at most 3). */
  reasons: { status: 'skipped' | 'failed'; reason: string; count: number }[];
  /** Per A/B split variant, for runs started in the period that took one: runs, completed runs and messages sent to them. */
  variants: { variant: string; runs: number; completed: number; messagesSent: number }[];
};

/**
 * Journey results for a program since a point in time, per journey id: runs started in the period
 * and where they are now, messages by status with the top reasons for not sending, and runs,
 * completions and messages sent per split variant. Every figure is one grouped query (indexes
 * `journey_runs_journey` and `messages_program`); journeys without runs or messages are left out.
 * @example journeyResults({ ctx: { db }, input: { programId } }).journeys[0] // { journeyId: 'journey-welcome', runs: { started: 12, running: 3, completed: 8, failed: 1 }, ... }
 */
export function journeyResults({ ctx, input }: { ctx: { db: DbTx }; input: JourneyResultsInput }): { since: string; journeys: JourneyResult[] } {
  const parsed = JourneyResultsInput.parse(input);
  const { programId } = parsed;
  const since = parsed.since ?? new Date(Date.now() - JOURNEY_RESULTS_DEFAULT_DAYS * MS_PER_DAY).toISOString();
  if (!ctx.db.select({ id: programs.id }).from(programs).where(eq(programs.id, programId)).get()) throw new DomainError('not_found', 'That program does not exist.');

  const runs = ctx.db.all<{ journeyId: string; started: number; running: number; completed: number; failed: number }>(sql`
    select journey_id as journeyId, count(*) as started,
      sum(status = 'running') as running, sum(status = 'completed') as completed, sum(status = 'failed') as failed
    from journey_runs
    where program_id = ${programId} and started_at >= ${since}
    group by journey_id`);
  const sent = ctx.db.all<{ journeyId: string; sent: number; queued: number; skipped: number; failed: number }>(sql`
    select journey_id as journeyId,
      sum(status = 'sent') as sent, sum(status = 'queued') as queued, sum(status = 'skipped') as skipped, sum(status = 'failed') as failed
    from messages
    where program_id = ${programId} and created_at >= ${since} and journey_id is not null
    group by journey_id`);
  const reasons = ctx.db.all<{ journeyId: string; status: 'skipped' | 'failed'; reason: string; count: number }>(sql`
    select journeyId, status, reason, count from (
      select journey_id as journeyId, status, coalesce(reason, 'No reason recorded') as reason, count(*) as count,
        row_number() over (partition by journey_id order by count(*) desc, status, coalesce(reason, '')) as rank
      from messages
      where program_id = ${programId} and created_at >= ${since} and journey_id is not null and status in ('skipped', 'failed')
      group by journey_id, status, reason)
    where rank <= ${TOP_REASONS}
    order by journeyId, rank`);
  const variantRuns = ctx.db.all<{ journeyId: string; variant: string; runs: number; completed: number }>(sql`
    select journey_id as journeyId, variant, count(*) as runs, sum(status = 'completed') as completed
    from journey_runs
    where program_id = ${programId} and started_at >= ${since} and variant is not null
    group by journey_id, variant`);
  // From the messages side, so the program's message index narrows the rows; a run's messages
  // are never older than the run, so the period bound on messages drops none of them.
  const variantSent = ctx.db.all<{ journeyId: string; variant: string; messagesSent: number }>(sql`
    select r.journey_id as journeyId, r.variant as variant, count(*) as messagesSent
    from messages m join journey_runs r on r.id = m.run_id
    where m.program_id = ${programId} and m.created_at >= ${since} and m.status = 'sent'
      and r.started_at >= ${since} and r.variant is not null
    group by r.journey_id, r.variant`);

  const byJourney = new Map<string, JourneyResult>();
  const journey = (journeyId: string): JourneyResult => {
    let j = byJourney.get(journeyId);
    if (!j) {
      j = { journeyId, runs: { started: 0, running: 0, completed: 0, failed: 0 }, messages: { sent: 0, queued: 0, skipped: 0, failed: 0 }, reasons: [], variants: [] };
      byJourney.set(journeyId, j);
    }
    return j;
  };
  for (const { journeyId, ...r } of runs) journey(journeyId).runs = r;
  for (const { journeyId, ...m } of sent) journey(journeyId).messages = m;
  for (const { journeyId, ...r } of reasons) journey(journeyId).reasons.push(r);
  for (const { journeyId, ...v } of variantRuns) journey(journeyId).variants.push({ ...v, messagesSent: 0 });
  for (const { journeyId, variant, messagesSent } of variantSent) {
    const j = journey(journeyId);
    const v = j.variants.find((x) => x.variant === variant);
    if (v) v.messagesSent = messagesSent;
    else j.variants.push({ variant, runs: 0, completed: 0, messagesSent });
  }
  const journeys = [...byJourney.values()].sort((a, b) => b.runs.started - a.runs.started || a.journeyId.localeCompare(b.journeyId));
  for (const j of journeys) j.variants.sort((a, b) => a.variant.localeCompare(b.variant));
  return { since, journeys };
}
