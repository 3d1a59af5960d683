import { desc } from 'drizzle-orm';
import type { DbTx } from '../db';
import { auditLog } from '../db/schema/audit';
import { canonicalJson } from '../versions/canonical';
import { entryHash, GENESIS_HASH, type AuditContent } from './chain';

export type AuditActor = { type: AuditContent['actorType']; id: string };

export type AuditEntryInput = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
};

/**
 * Appends one entry to the audit chain. Call it inside the transaction that makes the
 * change, so the change and its record commit together or not at all.
 * @example appendAudit(tx, { actor: { type: 'staff', id: user.id }, action: 'version.approved', entityType: 'version', entityId: v.id })
 */
export function appendAudit(db: DbTx, entry: AuditEntryInput, now = new Date()) {
  const last = db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  const content: AuditContent = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : canonicalJson(entry.before),
    after: entry.after === undefined ? null : canonicalJson(entry.after),
    reason: entry.reason ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = { ...content, prevHash, hash: entryHash(prevHash, content) };
  db.insert(auditLog).values(row).run();
  return row;
}
