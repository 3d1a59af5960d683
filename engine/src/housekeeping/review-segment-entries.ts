import { and, eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { members, memberSegments } from '../db/schema';
import { inSegment } from '../journeys/member-condition';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { outboxHas, writeOutboxRow } from '../ledger/outbox';
import { isoDateOfDay } from '../rules';
import { yieldToEventLoop } from './pace';
import type { VersionsInForce } from './versions-in-force';

/**
 * Once a local day, checks every active member against the segments that start journeys on entry
 * (in the member's version) and writes a `segment-entered` outbox event for each member found in a
 * segment they were not in at the last review; members who left are forgotten, so coming back
 * counts as entering again. The first review of a segment finds everyone already in it. Members
 * are checked in batches of short transactions; a `segments-reviewed` row for the day makes later
 * runs that day skip the work.
 * @example await reviewSegmentEntries(db, { programId, at, versions, batchSize: 200 }) // { reviewed: 1200, entered: 14, left: 3 }
 */
export async function reviewSegmentEntries(db: DbTx, { programId, at, versions, batchSize }: { programId: string; at: string; versions: VersionsInForce; batchSize: number }) {
  const watched = new Map(
    versions.runtimes.map((r) => [r.versionId, [...new Set(r.spec.journeys.flatMap((j) => (j.enabled && j.trigger.kind === 'segment-entry' ? [j.trigger.segmentId] : [])))]]),
  );
  const result = { reviewed: 0, entered: 0, left: 0 };
  if ([...watched.values()].every((s) => s.length === 0)) return result;
  const now = Date.parse(at);
  const today = isoDateOfDay(versions.runtimes[0]!.compiled.clock(now).day);
  const doneId = `${programId}:segments-reviewed:${today}`;
  if (outboxHas(db, doneId)) return result;

  const inside = new Set(db.select().from(memberSegments).where(eq(memberSegments.programId, programId)).all().map((r) => `${r.memberId}:${r.segmentId}`));
  const active = db.select().from(members).where(and(eq(members.programId, programId), eq(members.status, 'active'))).all();
  for (let i = 0; i < active.length; i += batchSize) {
    db.transaction((tx) => {
      for (const member of active.slice(i, i + batchSize)) {
        const runtime = versions.runtimeOf(member.id);
        for (const segmentId of watched.get(runtime.versionId) ?? []) {
          const was = inside.has(`${member.id}:${segmentId}`);
          const is = inSegment(tx, runtime, member, segmentId, now);
          if (is && !was) {
            tx.insert(memberSegments).values({ memberId: member.id, segmentId, programId, since: today }).run();
            writeOutboxRow(tx, { id: `${member.id}:segment-entered:${segmentId}:${today}`, type: 'segment-entered', programId, memberId: member.id, payload: { segmentId, versionId: runtime.versionId }, at });
            result.entered++;
          } else if (!is && was) {
            tx.delete(memberSegments).where(and(eq(memberSegments.memberId, member.id), eq(memberSegments.segmentId, segmentId))).run();
            result.left++;
          }
        }
        result.reviewed++;
      }
    }, WRITE_TRANSACTION);
    await yieldToEventLoop();
  }
  writeOutboxRow(db, { id: doneId, type: 'segments-reviewed', programId, memberId: null, payload: { ...result }, at });
  return result;
}
