import { asc, gt } from 'drizzle-orm';
import type { DbTx } from '../db';
import { auditLog } from '../db/schema/audit';
import { entryHash, GENESIS_HASH } from './chain';

export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; problem: string };

/**
 * Recomputes the whole chain. Any edited, inserted or removed entry shows up as the
 * first sequence number whose hash or link does not match.
 */
export function verifyAudit(db: DbTx): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of pages(db)) {
    entries++;
    const { hash, prevHash: storedPrev, ...content } = row;
    if (row.seq !== expectedSeq) return { ok: false, entries, brokenAt: row.seq, problem: `entry ${expectedSeq} is missing` };
    if (storedPrev !== prevHash) return { ok: false, entries, brokenAt: row.seq, problem: 'link to the previous entry does not match' };
    if (entryHash(prevHash, content) !== hash) return { ok: false, entries, brokenAt: row.seq, problem: 'content was changed after it was written' };
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, entries };
}

/** Reads the log in pages, so verifying a long history does not load it all at once. */
function* pages(db: DbTx, size = 5000) {
  let after = 0;
  for (;;) {
    const page = db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(size).all();
    yield* page;
    if (page.length < size) return;
    after = page[page.length - 1]!.seq;
  }
}
